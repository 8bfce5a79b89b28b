package com.engagementledger.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * Which requests belong to the HTTP API (JSON, stateless, HTTP Basic or JWT, problem documents) and which to the
 * browser console (HTML pages, a session, CSRF-protected forms; ADR 0041). The API is {@code /api}, Actuator and the
 * OpenAPI documentation; everything else is the console's. An error dispatch belongs to the side of the request that
 * failed, so that an API request's error stays a problem document.
 */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** Whether the request, or for an error dispatch the request that failed, is one of the API's. */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed : request.getRequestURI();
        return isApi(path.substring(Math.min(path.length(), request.getContextPath().length())));
    }

    /** Whether a path (without the context path) is one of the API's. */
    public static boolean isApi(String path) {
        return under(path, "/api") || under(path, "/actuator") || under(path, "/v3")
                || path.equals("/swagger-ui.html") || under(path, "/swagger-ui");
    }

    /** Whether the handler is a controller of browser pages ({@link BrowserPages}), not of the API. */
    public static boolean browserPage(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType().isAnnotationPresent(BrowserPages.class);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
