package com.engagementledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;

/**
 * Problem documents for refusals that carry no reason the application can name (the server's and the firewall's):
 * a fixed wording per status, never the underlying exception's message, which names classes and internals.
 */
final class ServerProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerProblems() {
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its request line, path or headers cannot be read. Paths may not"
                    + " contain encoded slashes or backslashes, '%00', ';', '..' or '//'.";
            case 401 -> "Send credentials to use this API.";
            case 403 -> "Your roles do not allow this request.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not take this method.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request line is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "The request failed unexpectedly; quote the requestId to the operators."
                    : "The request was refused.";
        };
    }

    /** Every problem document names a rule (ADR 0024); these are the rules of refusals without a finer one. */
    static String rule(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "authentication-required";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "media-type";
            case 417 -> "expectation-failed";
            case 422 -> "unprocessable";
            case 431 -> "headers-too-large";
            case 501 -> "not-implemented";
            default -> status >= 500 ? "internal-error" : "refused";
        };
    }

    /** What a 400 says when a header line, not the request line or path, could not be read. */
    static String headerDetail() {
        return "The request is malformed: a header line cannot be read; header names are tokens and header values"
                + " may not contain control characters.";
    }

    /**
     * The document for a status, as JSON text, for writers below Spring (Tomcat's error valve): with the request's
     * id and, where known, the path as instance, escaped and cut like a log line.
     */
    static String json(int status, String detail, String path, String requestId) {
        ObjectNode problem = JSON.createObjectNode();
        String rule = rule(status);
        problem.put("type", ProblemResponses.TYPE_BASE + rule);
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        if (path != null && !path.isEmpty()) {
            problem.put("instance", Echo.value(path));
        }
        problem.put("rule", rule);
        problem.put("requestId", requestId);
        return problem.toString();
    }
}
