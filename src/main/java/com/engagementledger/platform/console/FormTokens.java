package com.engagementledger.platform.console;

import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.NewIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every console page gets a form token ({@value NewIds#FORM_TOKEN}) for its forms' hidden field: a new one when a
 * page is rendered afresh, the one sent when a form is shown again with its mistakes, so that the form's command
 * derives the same ids however often the same form is sent ({@link NewIds}, ADR 0041). A page whose form creates
 * something keeps its token in its address ({@link #inAddress}): going back to it and sending it again sends the
 * same token, whatever the browser keeps of the page.
 */
@ControllerAdvice(annotations = BrowserPages.class)
public class FormTokens {

    @ModelAttribute(NewIds.FORM_TOKEN)
    public String formToken(HttpServletRequest request) {
        String sent = request.getParameter(NewIds.FORM_TOKEN);
        return NewIds.validToken(sent) ? sent : UUID.randomUUID().toString();
    }

    /**
     * The redirect that gives a creating form's page its own token in its address, or null when the address has one
     * already (then the page is shown with it).
     */
    public static String inAddress(HttpServletRequest request) {
        if (NewIds.validToken(request.getParameter(NewIds.FORM_TOKEN))) {
            return null;
        }
        return "redirect:" + UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam(NewIds.FORM_TOKEN, UUID.randomUUID().toString()).build().toUriString();
    }
}
