package com.engagementledger.platform.pdf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one font chain every PDF prints with, so that a font a deployment adds for invoices serves certificates too.
 * {@code ledger.invoicing.pdf.fonts}, the invoices' own setting before certificates existed, still counts, after
 * {@code ledger.pdf.fonts}, with a warning: a deployment that set it keeps its fonts until it moves them.
 */
@Configuration(proxyBeanMethods = false)
public class PdfConfiguration {

    static final String DEPRECATED_FONTS = "ledger.invoicing.pdf.fonts";

    private static final Logger log = LoggerFactory.getLogger(PdfConfiguration.class);

    /** @throws IllegalArgumentException naming a configured font file that is missing or cannot be embedded */
    @Bean
    public PdfFonts pdfFonts(PdfProperties properties, Environment environment) {
        return PdfFonts.of(fontFiles(properties, environment));
    }

    static List<String> fontFiles(PdfProperties properties, Environment environment) {
        List<String> deprecated = Binder.get(environment).bind(DEPRECATED_FONTS, Bindable.listOf(String.class))
                .orElse(List.of());
        if (!deprecated.isEmpty()) {
            log.warn("{} is deprecated: name the fonts of every PDF in ledger.pdf.fonts", DEPRECATED_FONTS);
        }
        List<String> files = new ArrayList<>(properties.fonts());
        files.addAll(deprecated);
        return List.copyOf(new LinkedHashSet<>(files));
    }
}
