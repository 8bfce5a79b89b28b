package com.engagementledger.audit.web;

import com.engagementledger.audit.history.AccessLog;
import com.engagementledger.platform.web.RefusedRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every request a handler of the audit endpoints completed — queries, exports, state, verification,
 * checkpoints, keys, the access log itself — with who asked, what, when and the answer's status (ADR 0029). An export
 * is recorded once its stream has ended (the asynchronous dispatch completes it). A POST refused for its role before
 * the body is read (the key rotation by a non-administrator) is recorded as the filter that refused it tells.
 */
class AccessRecording implements HandlerInterceptor, RefusedRequestListener {

    private final AccessLog log;

    AccessRecording(AccessLog log) {
        this.log = log;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        record(request, response.getStatus());
    }

    /** A body-carrying request to an audit endpoint refused for its role before any interceptor ran. */
    @Override
    public void refused(HttpServletRequest request, int status) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/audit/") || path.startsWith("/api/admin/audit/")) {
            record(request, status);
        }
    }

    private void record(HttpServletRequest request, int status) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "anonymous" : authentication.getName();
        String roles = authentication == null ? "" : authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
                .sorted().collect(Collectors.joining(","));
        log.record(actor, roles, request.getMethod() + " " + request.getRequestURI(), request.getQueryString(),
                status);
    }
}
