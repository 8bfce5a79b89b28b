package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link IfMatch} parameters, so that every command endpoint reads {@code If-Match} the same way.
 */
class IfMatchArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(IfMatch.class) && parameter.getParameterType() == Long.class;
    }

    @Override
    public Long resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                WebDataBinderFactory binders) {
        String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw RuleViolation.malformed(HttpHeaders.IF_MATCH, "single-value",
                    "If-Match takes one entity tag; the header was given more than once");
        }
        return ETags.expectedVersion(values[0]);
    }
}
