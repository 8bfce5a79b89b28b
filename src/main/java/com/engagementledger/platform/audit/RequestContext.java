package com.engagementledger.platform.audit;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The request id and client-supplied correlation id of the HTTP request being served, if any.
 */
public record RequestContext(String requestId, String correlationId) {

    public static final String ATTRIBUTE = RequestContext.class.getName();

    public static Optional<RequestContext> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((RequestContext) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
