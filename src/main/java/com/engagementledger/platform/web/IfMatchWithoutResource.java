package com.engagementledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code If-Match} on a request that addresses no existing resource (a create) cannot hold: there is no current
 * representation to match, so the request fails with 412 (RFC 9110 §13.1.1) instead of creating anything.
 */
class IfMatchWithoutResource implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod()) && request.getHeader(HttpHeaders.IF_MATCH) != null
                && handler instanceof HandlerMethod method && Arrays.stream(method.getMethodParameters())
                .noneMatch(parameter -> parameter.hasParameterAnnotation(IfMatch.class))) {
            throw new PreconditionFailedException(
                    "If-Match names a version of a resource this request does not address; it creates one.");
        }
        return true;
    }
}
