package com.engagementledger.platform.console;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.audit.RequestContext;
import com.engagementledger.platform.web.ApiPaths;
import com.engagementledger.platform.web.ErrorPages;
import com.engagementledger.platform.web.EventCollisions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The console's errors as readable pages (ADR 0041): a title, a sentence saying what happened and what to do, the
 * request id to quote, and a way back; never a stack trace or a problem document. Exceptions of console requests
 * are resolved here, before the API's problem handler, which keeps answering the API's; errors outside Spring MVC
 * reach the same page through {@link com.engagementledger.platform.web.ProblemErrorController}.
 */
@Component
public class ConsoleErrors implements ErrorPages, HandlerExceptionResolver, Ordered {

    static final String VIEW = "error-page";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ObjectProvider<ThymeleafViewResolver> views;

    public ConsoleErrors(ObjectProvider<ThymeleafViewResolver> views) {
        this.views = views;
    }

    @Override
    public int getOrder() {
        // after Spring Boot's DefaultErrorAttributes (which only records the exception), before everything else
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (ApiPaths.isApi(request)) {
            return null;
        }
        int status = status(failure);
        String message = null;
        if (failure instanceof RuleViolation violation && status < 500) {
            message = violation.getMessage();
        }
        if (failure instanceof CommandExecutionException refused
                && refused.getDetails().orElse(null) instanceof RuleViolationDetails details) {
            status = status(new RuleViolation(details.kind(), details.rule(), details.field(), details.message()));
            message = details.message();
        }
        if (EventCollisions.isConcurrentChange(failure)) {
            // the safety net for a page that does not catch it: changed meanwhile is a 409, as in the API
            status = HttpStatus.CONFLICT.value();
            message = "This item changed meanwhile (someone else, or this form sent twice). Open it again to see it"
                    + " as it is now, and send the form again if still needed.";
        }
        if (status >= 500) {
            log.error("Console request {} {} failed", request.getMethod(), request.getRequestURI(), failure);
        }
        ModelAndView page = page(request, status);
        if (message != null) {
            page.addObject("message", message);
        }
        return page;
    }

    @Override
    public ModelAndView page(HttpServletRequest request, int status) {
        ModelAndView page = new ModelAndView(new HtmlPage());
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("title", title(status));
        page.addObject("message", message(status));
        if (status == HttpStatus.FORBIDDEN.value()
                && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            // a form's CSRF token did not hold: no matter of roles
            page.addObject("title", "This form has expired");
            page.addObject("message", "This form has expired or was sent from another session. Reload the page"
                    + " and send it again.");
        }
        page.addObject("requestId", RequestContext.current().map(RequestContext::requestId)
                .orElse(request.getAttribute(RequestContext.ATTRIBUTE) instanceof RequestContext context
                        ? context.requestId() : null));
        return page;
    }

    /**
     * The error page's view, always {@code text/html;charset=UTF-8}: Thymeleaf takes the type from the path's
     * extension where content negotiation chose none ({@code /engagements.json} would be JSON with an HTML body).
     */
    private final class HtmlPage implements View {

        @Override
        public String getContentType() {
            return HTML.toString();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            View view = views.getObject().resolveViewName(VIEW, RequestContextUtils.getLocale(request));
            if (view == null) {
                throw new IllegalStateException("No view " + VIEW);
            }
            request.setAttribute(View.SELECTED_CONTENT_TYPE, HTML);
            view.render(model, request, response);
        }
    }

    private static int status(Exception failure) {
        if (failure instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN.value();
        }
        if (failure instanceof RuleViolation violation) {
            return switch (violation.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
                case MALFORMED -> HttpStatus.BAD_REQUEST.value();
                case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_ENTITY.value();
                case ILLEGAL_STATE -> HttpStatus.CONFLICT.value();
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE.value();
            };
        }
        if (failure instanceof ErrorResponse response) {
            return response.getStatusCode().value();
        }
        if (failure instanceof TypeMismatchException || failure instanceof InvalidPropertyException) {
            // InvalidPropertyException: a form field no form has, e.g. a list index above the binder's limit
            return HttpStatus.BAD_REQUEST.value();
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "This request cannot be read";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 409, 422 -> "Not possible now";
            case 503 -> "Briefly unavailable";
            default -> status >= 500 ? "Something went wrong" : HttpStatus.valueOf(status).getReasonPhrase();
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The address or the form held something this page cannot read. Go back and try again.";
            case 403 -> "Your role does not allow this page or action. Sign in as a user whose role does.";
            case 404 -> "There is nothing at this address. It may have been mistyped, or the item does not exist.";
            case 405 -> "This page cannot be used that way. Go back and use its links and buttons.";
            case 409, 422 -> "The request could not be carried out as it stands.";
            case 503 -> "The service is briefly unavailable. Wait a moment and try again.";
            default -> status >= 500 ? "Something went wrong on our side. Check whether what you did took effect"
                    + " before trying again; if it keeps failing, quote the request id below to support."
                    : "The request could not be carried out.";
        };
    }
}
