package com.engagementledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One {@code Authorization} header per request, checked before authentication: Spring Security reads the first one
 * only, so with two the request would run as whoever a proxy or cache happened to put first.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class SingleAuthorizationFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public SingleAuthorizationFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
            problems.writeInvalid(request, response, HttpHeaders.AUTHORIZATION, "single-value",
                    "may be given once; the header was repeated");
            return;
        }
        chain.doFilter(request, response);
    }
}
