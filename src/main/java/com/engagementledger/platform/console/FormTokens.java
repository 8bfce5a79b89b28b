package com.engagementledger.platform.console;

import com.engagementledger.platform.web.BrowserPages;
import com.engagementledger.platform.web.NewIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every console page gets a form token ({@value NewIds#FORM_TOKEN}) for its forms' hidden field: a new one when a
 * page is rendered afresh, the one sent when a form is shown again with its mistakes, so that the form's command
 * derives the same ids however often the same form is sent ({@link NewIds}, ADR 0041).
 */
@ControllerAdvice(annotations = BrowserPages.class)
public class FormTokens {

    @ModelAttribute(NewIds.FORM_TOKEN)
    public String formToken(HttpServletRequest request) {
        String sent = request.getParameter(NewIds.FORM_TOKEN);
        return NewIds.validToken(sent) ? sent : UUID.randomUUID().toString();
    }
}
