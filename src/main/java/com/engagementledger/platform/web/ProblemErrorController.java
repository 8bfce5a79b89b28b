package com.engagementledger.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page for everything that ends in {@code sendError} outside Spring MVC's exception handling (the servlet
 * container, filters): a problem document, like every other error, instead of Spring Boot's own JSON; for a
 * request of the browser console ({@link ApiPaths}), its readable HTML page ({@link ErrorPages}).
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses problems;
    private final ObjectProvider<ErrorPages> pages;

    public ProblemErrorController(ProblemResponses problems, ObjectProvider<ErrorPages> pages) {
        this.problems = problems;
        this.pages = pages;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public Object error(HttpServletRequest request) {
        // a filter (the idempotency keys) that could not reach the database: a 503 to retry, as in Spring MVC
        if (request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && StoreOutage.causedBy(failure)) {
            log.warn("The relational store is unreachable: {}", failure.toString());
            return StoreOutage.response(problems);
        }
        // asked for directly, the error page is no resource of this API
        int status = request.getDispatcherType() != DispatcherType.ERROR ? HttpStatus.NOT_FOUND.value()
                : request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ErrorPages page = ApiPaths.isApi(request) ? null : pages.getIfAvailable();
        if (page != null) {
            // a ModelAndView, which Spring MVC renders as a view even from a @RestController
            return page.page(request, status);
        }
        ProblemDetail problem = problems.problem(HttpStatus.valueOf(status), ServerProblems.title(status),
                ServerProblems.detail(status), ServerProblems.rule(status), null);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // a path the firewall refused may be no URI at all; the document stands without it
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
