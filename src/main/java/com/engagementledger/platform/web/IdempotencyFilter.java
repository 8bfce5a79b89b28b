package com.engagementledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on every POST: the first request with a key runs and its successful response is kept; a
 * retry with the same key and the same request gets that response again (and {@code Idempotent-Replayed: true}),
 * without running the command a second time. Keys are per caller. Reusing a key for another request is a 422; a
 * retry while the first is still running is a 409. Failed requests keep no key, so a corrected retry can use it.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ProblemResponses problems;

    public IdempotencyFilter(IdempotencyStore store, ProblemResponses problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (java.util.Collections.list(request.getHeaders(HEADER)).size() > 1) {
            problems.writeInvalid(request, response, HEADER, "single-value",
                    "may be given once; the header was repeated");
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.writeInvalid(request, response, HEADER, "length",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        // behind Spring Security: every /api request here is authenticated
        String principal = SecurityContextHolder.getContext().getAuthentication().getName();
        String hash = hash(request);
        Optional<IdempotencyStore.StoredResponse> stored = store.find(principal, key);
        if (stored.isPresent() && store.abandoned(stored.get())) {
            store.release(principal, key, stored.get().createdAt());
            stored = Optional.empty();
        }
        Optional<Timestamp> claim = Optional.empty();
        if (stored.isEmpty()) {
            claim = store.claim(principal, key, hash);
            if (claim.isEmpty()) {
                stored = store.find(principal, key);
            }
        }
        if (claim.isEmpty()) {
            if (stored.isPresent()) {
                answerFromStore(request, response, stored.get(), hash);
            } else {
                problems.write(request, response, problems.problem(HttpStatus.CONFLICT, "Request in progress",
                        "A request with this Idempotency-Key is changing hands; retry shortly.", "request-in-progress",
                        null));
            }
            return;
        }
        Timestamp claimedAt = claim.get();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status >= 200 && status < 300) {
                store.complete(principal, key, claimedAt, status, wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getHeader(HttpHeaders.ETAG),
                        wrapper.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(principal, key, claimedAt);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void answerFromStore(HttpServletRequest request, HttpServletResponse response,
                                 IdempotencyStore.StoredResponse stored, String hash) throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    "idempotency-key-reused", null));
            return;
        }
        if (stored.inFlight()) {
            problems.write(request, response, problems.problem(HttpStatus.CONFLICT, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    "request-in-progress", null));
            return;
        }
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static String hash(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString())
                    + "\nIf-Match: " + request.getHeader(HttpHeaders.IF_MATCH) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            RequestBodyFilter.CachedBodyRequest cached =
                    WebUtils.getNativeRequest(request, RequestBodyFilter.CachedBodyRequest.class);
            if (cached != null) {
                digest.update(cached.body());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
