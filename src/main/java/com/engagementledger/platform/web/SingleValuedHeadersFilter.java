package com.engagementledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One {@code Authorization} and one {@code Sec-Fetch-Site} header per request, checked before authentication:
 * Spring Security reads the first {@code Authorization} only, so with two the request would run as whoever a proxy
 * or cache happened to put first; and a second {@code Sec-Fetch-Site} could hide the {@code cross-site} one that the
 * request rules refuse.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class SingleValuedHeadersFilter extends OncePerRequestFilter {

    private static final List<String> SINGLE_VALUED = List.of(HttpHeaders.AUTHORIZATION, "Sec-Fetch-Site");

    private final ProblemResponses problems;

    public SingleValuedHeadersFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : SINGLE_VALUED) {
            List<String> values = Collections.list(request.getHeaders(header));
            // Sec-Fetch-Site is one token; a list in one header repeats it as surely as a second header does
            if (values.size() > 1 || header.startsWith("Sec-") && values.stream().anyMatch(v -> v.contains(","))) {
                problems.writeInvalid(request, response, header, "single-value",
                        "may be given once; the header was repeated");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
