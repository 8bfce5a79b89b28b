package com.engagementledger.platform.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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

    /** Whether the caller holds one of the roles the endpoint declares; none declared allows nobody. */
    public static boolean allow(HandlerMethod handler, Authentication caller) {
        Optional<Set<String>> declared = of(handler);
        return declared.isPresent() && caller != null && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.startsWith("ROLE_")
                        && declared.get().contains(authority.substring("ROLE_".length())));
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
