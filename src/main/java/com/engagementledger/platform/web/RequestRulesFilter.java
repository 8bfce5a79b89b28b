package com.engagementledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * What the API takes as a request, before any converter sees it (ADR 0024). A state-changing request may not come
 * from another site ({@code Sec-Fetch-Site: cross-site}); a request body is JSON in UTF-8 and nothing else, and a
 * POST without a body may carry no other media type either: a browser sends a cross-site form (urlencoded, multipart,
 * text/plain) without asking first, with the Basic credentials it has cached. A compressed body is not unpacked, and
 * an unreadable Accept header gets a problem document rather than an empty 406.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 20)
public class RequestRulesFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ProblemResponses problems;

    public RequestRulesFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") && !"/api".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (STATE_CHANGING.contains(method) && "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            problems.write(request, response, problems.problem(HttpStatus.FORBIDDEN, "Cross-site request",
                    "A request from another site may not change anything here.", "cross-site", null));
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
        } catch (InvalidMediaTypeException e) {
            // Spring would answer 406 without a body: it cannot choose a type to write the problem in
            problems.write(request, response, problems.problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "The Accept header cannot be read; this API answers application/json.", "not-acceptable", null));
            return;
        }
        if (jsonRefused(accepted)) {
            // Spring orders by quality but never drops a type for q=0, which means "not acceptable" (RFC 9110)
            problems.write(request, response, problems.problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "The Accept header refuses application/json (q=0), the only type this API answers.",
                    "not-acceptable", null));
            return;
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !"identity".equalsIgnoreCase(encoding.strip())) {
            unsupported(request, response, "content-encoding",
                    "A request body is taken as sent; Content-Encoding may only be identity.");
            return;
        }
        if (WITH_BODY.contains(method)) {
            byte[] body = body(request);
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null ? !isJson(contentType) : body.length > 0) {
                unsupported(request, response, "media-type",
                        "A request body is JSON: send it as Content-Type: application/json (charset utf-8 if any).");
                return;
            }
            if (body.length > 0 && !isUtf8(body)) {
                problems.writeInvalid(request, response, "body", "encoding", "is not valid UTF-8");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void unsupported(HttpServletRequest request, HttpServletResponse response, String rule, String detail)
            throws IOException {
        problems.write(request, response, problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", detail, rule, null));
    }

    /** Whether the most specific range of Accept that covers application/json gives it quality 0. */
    private static boolean jsonRefused(List<MediaType> accepted) {
        return accepted.stream()
                .filter(range -> range.includes(MediaType.APPLICATION_JSON))
                .min(java.util.Comparator.comparingInt(range -> range.isWildcardType() ? 2
                        : range.isWildcardSubtype() ? 1 : 0))
                .map(range -> range.getQualityValue() == 0)
                .orElse(false);
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        RequestBodyFilter.CachedBodyRequest cached =
                WebUtils.getNativeRequest(request, RequestBodyFilter.CachedBodyRequest.class);
        return cached != null ? cached.body() : request.getInputStream().readAllBytes();
    }

    private static boolean isJson(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (!"application".equalsIgnoreCase(type.getType()) || !"json".equalsIgnoreCase(type.getSubtype())) {
            return false;
        }
        for (String parameter : type.getParameters().keySet()) {
            if (!"charset".equalsIgnoreCase(parameter)
                    || !List.of("utf-8", "\"utf-8\"").contains(type.getParameter(parameter).toLowerCase())) {
                return false;
            }
        }
        return true;
    }

    /** Strict: overlong forms, surrogates and truncated sequences are errors, not replacement characters. */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
