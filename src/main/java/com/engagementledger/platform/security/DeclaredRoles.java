package com.engagementledger.platform.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * The roles an endpoint declares with {@code @RolesAllowed}, on its method or else on its controller: the one source
 * that {@link DeclaredRolesInterceptor} enforces and the role-by-endpoint test reads.
 */
public final class DeclaredRoles {

    private DeclaredRoles() {
    }

    public static Optional<Set<String>> of(HandlerMethod handler) {
        RolesAllowed declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RolesAllowed.class);
        if (declared == null) {
            declared = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RolesAllowed.class);
        }
        return Optional.ofNullable(declared).map(roles -> Set.of(roles.value()));
    }

    /**
     * Whether the endpoint is one of the application's own API (not the documentation's, Actuator's, Spring's, nor
     * the error page, which answers every caller).
     */
    public static boolean applies(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("com.engagementledger.")
                && !ErrorController.class.isAssignableFrom(handler.getBeanType());
    }
}
