package com.engagementledger.platform.pdf;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every PDF the application prints (invoices, IP assignment certificates) finds its fonts ({@code ledger.pdf.*}).
 *
 * @param fonts TrueType or OpenType font files (paths; {@code .ttc} collections take their first font, or
 *              {@code file.ttc,N}) tried first, in order, for every character, before the system's DejaVu Sans and
 *              the built-in Helvetica: a deployment that prints Japanese, Chinese or Korean names, or emoji,
 *              configures a font here. A character no font has is printed as U+FFFD, never dropped.
 */
@ConfigurationProperties("ledger.pdf")
public record PdfProperties(List<String> fonts) {

    public PdfProperties {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
    }
}
