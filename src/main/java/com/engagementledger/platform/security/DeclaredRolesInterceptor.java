package com.engagementledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces the roles a controller declares with {@code @RolesAllowed} once the handler is known and before anything
 * of the request is read: a caller without the role gets a 403 whatever the body, not a 400 that tells how to shape
 * a request it may not make. Closed by default: an endpoint of the application that declares no roles is refused to
 * everyone, so that a new controller that forgets {@code @RolesAllowed} is unusable rather than open.
 */
@Configuration(proxyBeanMethods = false)
public class DeclaredRolesInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    /** Before every other interceptor but those that only record what happened ({@link #RECORDERS}). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** The order of an interceptor that records requests, refused ones included: it runs before the role check. */
    public static final int RECORDERS = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(ORDER);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !DeclaredRoles.applies(method)) {
            return true;
        }
        Optional<Set<String>> declared = DeclaredRoles.of(method);
        if (!DeclaredRoles.allow(method, SecurityContextHolder.getContext().getAuthentication())) {
            throw new AccessDeniedException(declared.isPresent() ? "Role not among " + declared.get()
                    : "No roles are declared for this endpoint");
        }
        return true;
    }
}
