package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter that takes one value may be given once. Spring would otherwise bind {@code ?status=A&status=B}
 * to the first value (an enum) or to {@code "A,B"} (a string), silently answering another question than was asked.
 */
class SingleValuedParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || ApiPaths.browserPage(handler)) {
            return true;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null || multiValued(parameter.getParameterType())) {
                continue;
            }
            String name = StrictQueryParameters.nameOf(parameter, param);
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw RuleViolation.malformed(name, "single-value",
                        name + " takes one value; it was given " + values.length + " times");
            }
        }
        return true;
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }
}
