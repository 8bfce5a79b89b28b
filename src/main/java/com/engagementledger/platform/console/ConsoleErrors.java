package com.engagementledger.platform.console;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.audit.RequestContext;
import com.engagementledger.platform.web.ApiPaths;
import com.engagementledger.platform.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's errors as readable pages (ADR 0041): a title, a sentence saying what happened and what to do, the
 * request id to quote, and a way back; never a stack trace or a problem document. Exceptions of console requests
 * are resolved here, before the API's problem handler, which keeps answering the API's; errors outside Spring MVC
 * reach the same page through {@link com.engagementledger.platform.web.ProblemErrorController}.
 */
@Component
public class ConsoleErrors implements ErrorPages, HandlerExceptionResolver, Ordered {

    static final String VIEW = "error-page";
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

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
        ModelAndView page = new ModelAndView(VIEW);
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("title", title(status));
        page.addObject("message", message(status));
        page.addObject("requestId", RequestContext.current().map(RequestContext::requestId)
                .orElse(request.getAttribute(RequestContext.ATTRIBUTE) instanceof RequestContext context
                        ? context.requestId() : null));
        return page;
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
        if (failure instanceof TypeMismatchException) {
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
