package com.engagementledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code If-Match} on a POST whose handler takes no {@link IfMatch} version cannot hold: what it addresses has no
 * entity tag to match, whether it creates a resource or changes one without versions (the test clock). The request
 * fails with 412 (RFC 9110 §13.1.1) instead of doing what it would have done unconditionally.
 */
class IfMatchWithoutResource implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod()) && request.getHeader(HttpHeaders.IF_MATCH) != null
                && handler instanceof HandlerMethod method && Arrays.stream(method.getMethodParameters())
                .noneMatch(parameter -> parameter.hasParameterAnnotation(IfMatch.class))) {
            throw new PreconditionFailedException(
                    "If-Match cannot hold here: what this request addresses has no entity tag to match "
                            + "(it creates a resource, or changes one without versions); send it without If-Match.");
        }
        return true;
    }
}
