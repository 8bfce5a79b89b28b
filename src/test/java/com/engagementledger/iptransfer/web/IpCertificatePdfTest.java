package com.engagementledger.iptransfer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.CertificateEvent;
import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.platform.pdf.PdfFonts;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The certificate's PDF prints with the configured font chain, the invoices' one, and keeps the assignment instant
 * on one line.
 */
class IpCertificatePdfTest {

    private static final String ASSIGNED_AT = "2027-07-02T09:15:42.123456Z";

    @Test
    void theAssignmentInstantIsPrintedOnOneLine() throws IOException {
        String text = text(new IpCertificatePdf(PdfFonts.of(List.of())).render(view()));
        assertThat(text.lines()).as(text).anySatisfy(line -> assertThat(line).contains("Assigned at")
                .contains(ASSIGNED_AT));
    }

    @Test
    void theDocumentIsDatedByTheAssignmentNotTheSystemClock() {
        byte[] bytes = new IpCertificatePdf(PdfFonts.of(List.of())).render(view());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("/CreationDate(D:20270702091542Z)")
                .contains("/ModDate(D:20270702091542Z)");
    }

    @Test
    void theConfiguredFontChainPrintsTheCertificate() throws IOException {
        Path mono = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
        assumeTrue(Files.isReadable(mono), "DejaVu Sans Mono is not installed at " + mono);
        byte[] bytes = new IpCertificatePdf(PdfFonts.of(List.of(mono.toString()))).render(view());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("DejaVuSansMono").contains("/FontFile2");
        assertThat(text(bytes)).contains("ООО «Ромашка»");
    }

    private static IpCertificateView view() {
        AssignmentCertificate certificate = new AssignmentCertificate(AssignmentCertificate.SCHEMA, "ipt-inv-1",
                "client-1", "ООО «Ромашка»", "eng-1", "2027-06", "inv-1", "INV-2027-000042", "2027-07-01", "EUR",
                "9000.00", "9000.00", "9000.00", "ON_PAYMENT", ASSIGNED_AT, List.of("Acme UI kit"),
                List.of(new CertificateEvent("evt-1", "InvoiceIssued", 1, 40)));
        return new IpCertificateView(certificate, "ab".repeat(32), IpTransferStatus.ASSIGNED, null, null);
    }

    private static String text(byte[] bytes) throws IOException {
        PdfReader reader = new PdfReader(bytes);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
