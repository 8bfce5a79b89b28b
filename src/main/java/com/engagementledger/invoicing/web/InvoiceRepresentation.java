package com.engagementledger.invoicing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * Which representation of an invoice a request's {@code Accept} asks for, JSON or PDF, chosen as Spring MVC chooses
 * among producible types: the most specific and highest-quality acceptable one, JSON when they tie. Spring MVC itself
 * cannot choose here: one handler answers both, since two handlers of one path differing only in what they produce
 * are ambiguous for {@code Accept: *}{@code /*}.
 */
final class InvoiceRepresentation {

    private static final List<MediaType> PRODUCIBLE = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PDF);

    private InvoiceRepresentation() {
    }

    static boolean pdfPreferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> usable = new ArrayList<>();
        for (MediaType requested : MediaType.parseMediaTypes(accept)) {
            if (refused(requested)) {
                continue;
            }
            for (MediaType producible : PRODUCIBLE) {
                if (requested.isCompatibleWith(producible)) {
                    usable.add(producible.copyQualityValue(requested));
                }
            }
        }
        MimeTypeUtils.sortBySpecificity(usable);
        return !usable.isEmpty() && usable.get(0).isCompatibleWith(MediaType.APPLICATION_PDF);
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
