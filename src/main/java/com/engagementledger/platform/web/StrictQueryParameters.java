package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
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
 * asked. A number is plain ASCII digits, an enum exactly one of its names, a value not empty. A parameter the
 * endpoint does not take ({@code Status} for {@code status}, {@code sort}) is refused rather than ignored, and a name
 * or value is strict UTF-8 without control characters, which no filter value needs and a log line must not carry.
 */
class StrictQueryParameters implements HandlerInterceptor {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (ApiPaths.browserPage(handler)) {
            return true;
        }
        decodable(request.getQueryString());
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> known = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = nameOf(parameter, param);
            known.add(name);
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values != null) {
                for (String value : values) {
                    check(name, value, parameter.getParameterType());
                }
            }
        }
        if (ownEndpoint(method)) {
            for (String name : request.getParameterMap().keySet()) {
                if (!known.contains(name)) {
                    throw RuleViolation.malformed(Echo.value(name), "unknown-parameter", Echo.value(name)
                            + " is no parameter of this request; " + (known.isEmpty() ? "it takes none"
                            : "it takes " + String.join(", ", known) + " (names are case-sensitive)"));
                }
            }
        }
        return true;
    }

    /** The name a {@code @RequestParam} binds, as Spring resolves it: declared, or else the Java parameter's. */
    static String nameOf(MethodParameter parameter, RequestParam param) {
        parameter.initParameterNameDiscovery(NAMES);
        return !param.name().isEmpty() ? param.name()
                : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
    }

    /** The application's own endpoints; the documentation's and Actuator's keep their own rules. */
    private static boolean ownEndpoint(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("com.engagementledger.")
                && !org.springframework.boot.web.servlet.error.ErrorController.class
                .isAssignableFrom(method.getBeanType());
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
            String name = decode(rawName);
            if (name == null) {
                throw RuleViolation.malformed("query", "percent-encoding",
                        "a query parameter name is not valid percent-encoded UTF-8 without control characters");
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
                throw RuleViolation.malformed(Echo.value(name), "percent-encoding",
                        Echo.value(name) + " is not valid percent-encoded UTF-8 without control characters");
            }
        }
    }

    /**
     * The text of a percent-encoded query component, or null when it is no valid percent-encoding, not strict
     * UTF-8 (overlong forms such as {@code %C0%AF}, truncated sequences) or holds a control character.
     */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return text.codePoints().anyMatch(Character::isISOControl) ? null : text;
    }
}
