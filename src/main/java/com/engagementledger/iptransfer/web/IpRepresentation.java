package com.engagementledger.iptransfer.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * Which representation a request's {@code Accept} asks for among JSON and one other type (the certificate's PDF, the
 * ledger's CSV), chosen as Spring MVC chooses among producible types: the most specific and highest-quality
 * acceptable one, JSON when they tie. One handler answers both, since two handlers of one path differing only in
 * what they produce are ambiguous for {@code Accept: *}{@code /*}.
 */
final class IpRepresentation {

    private IpRepresentation() {
    }

    static boolean preferred(String accept, MediaType other) {
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

    /** {@code q=0}: not acceptable (RFC 9110 §12.4.2). */
    private static boolean refused(MediaType type) {
        String quality = type.getParameter("q");
        try {
            return quality != null && new BigDecimal(quality.strip()).signum() == 0;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
