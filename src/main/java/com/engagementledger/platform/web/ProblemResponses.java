package com.engagementledger.platform.web;

import com.engagementledger.platform.audit.RequestContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem documents the same way everywhere: in controllers' exception handling and in filters
 * that answer before a controller is reached (authentication, request size).
 */
@Component
public class ProblemResponses {

    public static final String TYPE_BASE = "https://engagement-ledger.example/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ProblemDetail problem(HttpStatusCode status, String title, String detail, String rule,
                                 List<FieldError> errors) {
        // a detail may quote what the client sent (ADR 0024)
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Echo.escaped(detail));
        problem.setTitle(title);
        String named = rule != null ? rule : ServerProblems.rule(status.value());
        problem.setType(URI.create(TYPE_BASE + named));
        problem.setProperty("rule", named);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> new FieldError(Echo.value(e.field()), e.rule(), Echo.escaped(e.message()))).toList());
        }
        return withRequestId(problem);
    }

    /** Names the request in a problem document, so that a caller can quote it to the operators. */
    public ProblemDetail withRequestId(ProblemDetail problem) {
        RequestContext.current().ifPresent(request -> problem.setProperty("requestId", request.requestId()));
        return problem;
    }

    /** The refusal of a caller whose roles the endpoint does not declare. */
    public ProblemDetail forbidden(HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden",
                "Your roles do not allow " + request.getMethod() + " " + Echo.value(request.getRequestURI()),
                "forbidden", null);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail) throws IOException {
        write(request, response, problem(status, title, detail, null, null));
    }

    /** A refusal of one field (a header, say), named as a controller's validation would name it. */
    public void writeInvalid(HttpServletRequest request, HttpServletResponse response, String field, String rule,
                             String message) throws IOException {
        write(request, response, problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message, rule,
                List.of(new FieldError(field, rule, message))));
    }

    /**
     * A refusal (4xx) is the caller's mistake: one line with the rule, at INFO, so that the log shows what callers
     * get wrong without burying the server's own failures in stack traces. What the client sent is escaped, so
     * that it can neither forge a second line nor drive a terminal.
     */
    public void logRefusal(HttpServletRequest request, ProblemDetail problem) {
        if (problem.getStatus() >= 400 && problem.getStatus() < 500 && log.isInfoEnabled()) {
            Object rule = problem.getProperties() == null ? null : problem.getProperties().get("rule");
            log.info("Refused {} {}: {} {}{}", Echo.value(request.getMethod()), Echo.value(request.getRequestURI()),
                    problem.getStatus(), Echo.escaped(String.valueOf(rule != null ? rule : problem.getTitle())),
                    problem.getDetail() == null ? "" : " (" + Echo.escaped(problem.getDetail()) + ")");
        }
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        logRefusal(request, problem);
        instance(request.getRequestURI()).ifPresent(problem::setInstance);
        // filters that answer before Spring's request context exists still know the request's id
        if (request.getAttribute(RequestContext.ATTRIBUTE) instanceof RequestContext context) {
            problem.setProperty("requestId", context.requestId());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The path as instance, cut like the log line, unless it is no valid URI reference (the firewall refuses such
     * paths).
     */
    private static java.util.Optional<URI> instance(String path) {
        try {
            return java.util.Optional.ofNullable(path).map(Echo::value).map(URI::create);
        } catch (IllegalArgumentException notAUri) {
            return java.util.Optional.empty();
        }
    }
}
