package com.engagementledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Ids of things a POST creates. With an {@code Idempotency-Key} the id is derived from the caller, the key and what
 * is created, so that a retry that runs again after all (its first run crashed before its response was kept) creates
 * nothing twice: it collides with the id of the first run and is refused. A console form (outside the API) carries
 * its own key instead: the {@value #FORM_TOKEN} hidden field, generated when the form is rendered, so that the same
 * form sent twice (a double click, back and send again) derives the same ids and creates nothing twice (ADR 0041);
 * the form's content is part of the key, so that the token sent again with other content creates what it says.
 * Without a key, a random UUID, or for a record that its content identifies ({@link #fromContent}) an id derived from
 * that content.
 */
@Component
public class NewIds {

    private final HttpServletRequest request;

    public NewIds(HttpServletRequest request) {
        this.request = request;
    }

    /** The request parameter that carries a console form's token. */
    public static final String FORM_TOKEN = "formToken";
    private static final int MAX_TOKEN_LENGTH = 255;
    /** Spring Security's CSRF parameter, left out of a form's content (it is the session's, not the form's). */
    private static final String CSRF_PARAMETER = "_csrf";

    public String next(String what) {
        String key = key();
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String caller = auth == null ? "" : auth.getName();
        return UUID.nameUUIDFromBytes((caller + "\n" + key + "\n" + request.getRequestURI() + "\n" + what)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The id of a record whose content says what it is (a payment: invoice, amount, currency, date, reference). With
     * an {@code Idempotency-Key}, derived from the key as {@link #next}; without one, derived from {@code what} and
     * the content alone, so that the same request sent again gets the same id, and the aggregate, which records an
     * id once, answers it as before instead of recording it twice. Two records of identical content are then one:
     * telling them apart takes a different content (a reference) or a key.
     */
    public String fromContent(String what, Object... content) {
        if (key() != null) {
            return next(what);
        }
        StringBuilder name = new StringBuilder("content\n").append(what);
        for (Object part : content) {
            // length-prefixed, so that no two different contents give the same name; null apart from ""
            String text = part == null ? null : part.toString();
            name.append('\n').append(text == null ? "-" : text.length() + ":" + text);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The request's idempotency key: its {@code Idempotency-Key} header, or outside the API a console form's token
     * (prefixed, so that a header and a form token of the same text never derive the same ids); null for none.
     */
    private String key() {
        String key = request.getHeader(IdempotencyFilter.HEADER);
        if (key != null && !key.isBlank()) {
            return key;
        }
        if (ApiPaths.isApi(request)) {
            return null;
        }
        String token = request.getParameter(FORM_TOKEN);
        return validToken(token) ? "form\n" + token + "\n" + formContent() : null;
    }

    /**
     * What the form sent, apart from its token and the CSRF token, as a digest: part of a console form's key, so that
     * the same form sent again with the same content derives the same ids (recorded once), but the same token sent
     * with other content (the engagement page's forms share one token; a proposal's address keeps its token) derives
     * others instead of being answered "already sent" and lost. Values are compared without surrounding blanks.
     */
    private String formContent() {
        StringBuilder content = new StringBuilder();
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            if (FORM_TOKEN.equals(name) || CSRF_PARAMETER.equals(name)) {
                return;
            }
            content.append(name.length()).append(':').append(name).append('=').append(values.length);
            for (String value : values) {
                String text = value == null ? "" : value.strip();
                content.append(',').append(text.length()).append(':').append(text);
            }
            content.append('\n');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Whether a console form's token can serve as a key: 1 to 255 characters, not blank. */
    public static boolean validToken(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
    }
}
