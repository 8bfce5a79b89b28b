package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query parameters are taken as written (ADR 0024). Spring's conversion reads {@code 0x10}, {@code #10},
 * {@code +1} and {@code " 1"} as numbers and trims enum names, reads an empty value as no value (the default), and
 * the servlet container drops a parameter it cannot percent-decode: each would answer another question than was
 * asked. A number is plain ASCII digits, an enum exactly one of its names, a value not empty.
 */
class StrictQueryParameters implements HandlerInterceptor {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        decodable(request.getQueryString());
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            parameter.initParameterNameDiscovery(names);
            String name = !param.name().isEmpty() ? param.name()
                    : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null) {
                for (String value : values) {
                    check(name, value, parameter.getParameterType());
                }
            }
        }
        return true;
    }

    private static void check(String name, String value, Class<?> type) {
        if (value.isEmpty()) {
            throw RuleViolation.malformed(name, "empty", name + " is given without a value; leave it out instead");
        }
        if (isWholeNumber(type) && !DIGITS.matcher(value).matches()) {
            throw RuleViolation.malformed(name, "type", name + " must be written in digits 0-9 only");
        }
        if (type.isEnum() && Arrays.stream(type.getEnumConstants())
                .noneMatch(constant -> ((Enum<?>) constant).name().equals(value))) {
            throw RuleViolation.malformed(name, "type",
                    name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    private static void decodable(String query) {
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RuleViolation.malformed("query", "percent-encoding",
                        "a query parameter name is not valid percent-encoding");
            }
            try {
                if (equals >= 0) {
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                throw RuleViolation.malformed(Echo.value(name), "percent-encoding",
                        Echo.value(name) + " is not valid percent-encoding");
            }
        }
    }
}
