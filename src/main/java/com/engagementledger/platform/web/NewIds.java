package com.engagementledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Ids of things a POST creates. With an {@code Idempotency-Key} the id is derived from the caller, the key and what
 * is created, so that a retry that runs again after all (its first run crashed before its response was kept) creates
 * nothing twice: it collides with the id of the first run and is refused. Without a key, a random UUID.
 */
@Component
public class NewIds {

    private final HttpServletRequest request;

    public NewIds(HttpServletRequest request) {
        this.request = request;
    }

    public String next(String what) {
        String key = request.getHeader(IdempotencyFilter.HEADER);
        if (key == null || key.isBlank()) {
            return UUID.randomUUID().toString();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String caller = auth == null ? "" : auth.getName();
        return UUID.nameUUIDFromBytes((caller + "\n" + key + "\n" + request.getRequestURI() + "\n" + what)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
