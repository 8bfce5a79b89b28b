package com.engagementledger.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** One font chain for every PDF: ledger.pdf.fonts first, the invoices' former setting still honoured after it. */
class PdfConfigurationTest {

    @Test
    void theSharedFontsComeFirstThenTheDeprecatedInvoiceOnesOnceEach() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.invoicing.pdf.fonts[0]", "/fonts/old-cjk.ttf")
                .withProperty("ledger.invoicing.pdf.fonts[1]", "/fonts/emoji.ttf");
        PdfProperties shared = new PdfProperties(List.of("/fonts/emoji.ttf", "/fonts/new.ttf"));
        assertThat(PdfConfiguration.fontFiles(shared, environment))
                .containsExactly("/fonts/emoji.ttf", "/fonts/new.ttf", "/fonts/old-cjk.ttf");
    }

    @Test
    void theDeprecatedSettingAloneStillConfiguresTheChain() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.invoicing.pdf.fonts[0]", "/fonts/b.ttc,1");
        assertThat(PdfConfiguration.fontFiles(new PdfProperties(null), environment))
                .containsExactly("/fonts/b.ttc,1");
    }
}
