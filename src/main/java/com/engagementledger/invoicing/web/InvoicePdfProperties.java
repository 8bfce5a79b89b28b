package com.engagementledger.invoicing.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the invoice PDF is printed ({@code ledger.invoicing.pdf.*}).
 *
 * @param fonts TrueType or OpenType font files (paths; {@code .ttc} collections take their first font, or
 *              {@code file.ttc,N}) tried first, in order, for every character, before the system's DejaVu Sans and
 *              the built-in Helvetica: a deployment that prints Japanese, Chinese or Korean names configures a CJK
 *              font here. A character no font has is printed as U+FFFD, never dropped.
 */
@ConfigurationProperties("ledger.invoicing.pdf")
public record InvoicePdfProperties(List<String> fonts) {

    public InvoicePdfProperties {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
    }
}
