package com.engagementledger.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * Which of two representations a request's {@code Accept} header prefers, for endpoints that answer JSON or one other
 * type (a PDF, a CSV) from one handler: the most specific acceptable range wins, by quality, then specificity; a
 * range with {@code q=0} is refused (RFC 9110 §12.4.2). No header, an unparsable one or a tie is JSON.
 */
public final class Representations {

    private Representations() {
    }

    /** Whether {@code other} is preferred to {@code application/json}. */
    public static boolean preferred(String accept, MediaType other) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> requestedTypes;
        try {
            requestedTypes = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        List<MediaType> usable = new ArrayList<>();
        for (MediaType requested : requestedTypes) {
            if (refused(requested)) {
                continue;
            }
            for (MediaType producible : List.of(MediaType.APPLICATION_JSON, other)) {
                if (requested.isCompatibleWith(producible)) {
                    usable.add(producible.copyQualityValue(requested));
                }
            }
        }
        MimeTypeUtils.sortBySpecificity(usable);
        return !usable.isEmpty() && usable.get(0).isCompatibleWith(other);
    }

    private static boolean refused(MediaType type) {
        String quality = type.getParameter("q");
        try {
            return quality != null && new BigDecimal(quality.strip()).signum() == 0;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
