package com.engagementledger.invoicing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.engagementledger.invoicing.api.InvoiceDispute;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoiceMovement;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.platform.pdf.PdfFonts;
import com.engagementledger.platform.web.Amounts;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invoice PDF read back by text extraction: it shows the issuer (configured), the client, the number, dates,
 * period, lines, totals, payments and balance, every amount with its currency's minor digits; a draft says DRAFT.
 */
class InvoicePdfTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2035-04-03T10:15:30Z"), ZoneOffset.UTC);
    private static final InvoiceIssuerProperties ISSUER = new InvoiceIssuerProperties("Nordlicht Staffing GmbH",
            List.of("Hafenstrasse 7", "20457 Hamburg"), "billing@nordlicht.example", "DE123456789");

    private final InvoicePdf pdf = new InvoicePdf(ISSUER, PdfFonts.of(List.of()), CLOCK);

    /** Where common Japanese-capable fonts are installed; the first one that exists is configured. */
    private static final List<String> CJK_FONTS = List.of(
            "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
            "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
            "/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf",
            "/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/Library/Fonts/Arial Unicode.ttf",
            "C:/Windows/Fonts/msgothic.ttc");

    @Test
    void anIssuedInvoiceShowsItsNumberTotalPaymentsAndBalance() throws IOException {
        InvoiceView invoice = invoice("INV-2035-000042", InvoiceStatus.PARTIALLY_PAID, "EUR",
                List.of(line("9800.00", "11177.42")), "11177.42", "5000.00", "6177.42",
                List.of(new InvoiceMovement(InvoiceMovementKind.PAYMENT, "p1", new BigDecimal("5000.00"), "EUR",
                        LocalDate.of(2035, 4, 15), "SEPA ACME 0415", null, new BigDecimal("6177.42"))));
        String text = text(pdf.render(invoice));
        assertThat(text).contains("INV-2035-000042");
        assertThat(text).contains("11,177.42 EUR");
        assertThat(text).contains("Nordlicht Staffing GmbH").contains("20457 Hamburg").contains("DE123456789");
        assertThat(text).contains("Acme Manufacturing");
        assertThat(text).contains("Period: 2035-03").contains("Issue date: 2035-04-01")
                .contains("Due date: 2035-05-01");
        assertThat(text).contains("Anna Kowalski").contains("9,800.00");
        assertThat(text).contains("SEPA ACME 0415").contains("5,000.00 EUR");
        assertThat(text).contains("Balance due").contains("6,177.42 EUR");
        assertThat(pdf.fileName(invoice)).isEqualTo("INV-2035-000042.pdf");
    }

    @Test
    void amountsFollowTheCurrencysMinorDigits() throws IOException {
        String yen = text(pdf.render(invoice("INV-2035-000043", InvoiceStatus.ISSUED, "JPY",
                List.of(line("700000", "677419")), "677419", "0", "677419", List.of())));
        assertThat(yen).contains("677,419 JPY").doesNotContain("677,419.");
        String dinar = text(pdf.render(invoice("INV-2035-000044", InvoiceStatus.ISSUED, "KWD",
                List.of(line("2100.000", "2032.258")), "2032.258", "0.000", "2032.258", List.of())));
        assertThat(dinar).contains("2,032.258 KWD");
        assertThat(Amounts.format(new BigDecimal("-904.62"), "EUR")).isEqualTo("-904.62");
        assertThat(Amounts.format(new BigDecimal("100"), "EUR")).isEqualTo("100.00");
    }

    @Test
    void aDraftSaysDraftAndAVoidAsksForNothing() throws IOException {
        InvoiceView draft = invoice(null, InvoiceStatus.DRAFT, "EUR", List.of(line("9800.00", "9800.00")),
                "9800.00", "0.00", "9800.00", List.of());
        String text = text(pdf.render(draft));
        assertThat(text).contains("Invoice DRAFT").contains("not a request for payment").contains("9,800.00 EUR");
        assertThat(pdf.fileName(draft)).isEqualTo("DRAFT-inv-1.pdf");
    }

    @Test
    void namesInGreekCyrillicAndAccentedLatinReadBackExactly() throws IOException {
        String client = "ООО «Ромашка» Ελλάς Łódź Søn";
        String professional = "Юрий Πάνος";
        InvoiceView invoice = withNames(invoice("INV-2035-000045", InvoiceStatus.ISSUED, "EUR",
                List.of(line("9800.00", "11177.42")), "11177.42", "0.00", "11177.42", List.of()), client,
                professional);
        String text = text(pdf.render(invoice));
        assertThat(text).contains(client).contains(professional).contains("11,177.42 EUR");
        assertThat(text).doesNotContain("\uFFFD");
    }

    @Test
    void aCharacterNoFontHasIsPrintedAsAReplacementNeverDropped() throws IOException {
        InvoiceView invoice = withNames(invoice("INV-2035-000046", InvoiceStatus.PARTIALLY_PAID, "EUR",
                        List.of(line("9800.00", "11177.42")), "11177.42", "100.00", "11077.42",
                        List.of(new InvoiceMovement(InvoiceMovementKind.REFUND, "r1", new BigDecimal("100.00"),
                                "EUR", LocalDate.of(2035, 4, 15), null, "Doppelzahlung – 二重払い",
                                new BigDecimal("11077.42")))),
                "株式会社カイジュウ Müller", "田中 ユキ");
        String text = text(pdf.render(invoice));
        String replaced = replacement(text);
        assertThat(replaced).as("the standard fonts have no CJK glyphs here").isNotEmpty();
        assertThat(text).as("the client's Latin part kept, each CJK character visibly replaced")
                .contains(replaced.repeat(9) + " Müller");
        assertThat(text).as("the professional is not an empty name")
                .contains(replaced.repeat(2) + " " + replaced.repeat(2));
        assertThat(text).as("the reason keeps its Latin part and marks the rest")
                .contains("Doppelzahlung – " + replaced.repeat(4));
    }

    @Test
    void aConfiguredCjkFontPrintsJapaneseNames() throws IOException {
        String configured = System.getProperty("ledger.pdf.fonts", "");
        String font = configured.isBlank()
                ? CJK_FONTS.stream().filter(path -> Files.isReadable(Path.of(path))).findFirst().orElse(null)
                : configured.split(",")[0].trim();
        assumeTrue(font != null, "No Japanese-capable font on this machine (looked for " + CJK_FONTS
                + "; name one with -Dledger.pdf.fonts=/path/to/font.ttf): the configured-CJK-font case"
                + " is not exercised here");
        InvoicePdf withCjk = new InvoicePdf(ISSUER, PdfFonts.of(List.of(font)), CLOCK);
        InvoiceView invoice = withNames(invoice("INV-2035-000047", InvoiceStatus.ISSUED, "JPY",
                List.of(line("700000", "677419")), "677419", "0", "677419", List.of()),
                "株式会社カイジュウ Müller", "田中 ユキ");
        String text = text(withCjk.render(invoice));
        assertThat(text).contains("株式会社カイジュウ Müller").contains("田中 ユキ").contains("677,419 JPY");
    }

    @Test
    void aConfiguredFontComesFirstAndIsEmbedded() throws IOException {
        Path mono = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
        assumeTrue(Files.isReadable(mono), "DejaVu Sans Mono is not installed at " + mono);
        InvoicePdf configured = new InvoicePdf(ISSUER, PdfFonts.of(List.of(mono.toString())), CLOCK);
        InvoiceView invoice = withNames(invoice("INV-2035-000049", InvoiceStatus.ISSUED, "EUR",
                List.of(line("9800.00", "11177.42")), "11177.42", "0.00", "11177.42", List.of()),
                "ООО «Ромашка»", "Юрий Πάνος");
        byte[] bytes = configured.render(invoice);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("DejaVuSansMono")
                .contains("/FontFile2");
        assertThat(text(bytes)).contains("ООО «Ромашка»").contains("Юрий Πάνος");
    }

    @Test
    void aConfiguredFontThatDoesNotExistIsRefusedNamingIt() {
        assertThatThrownBy(() -> new InvoicePdf(ISSUER,
                PdfFonts.of(List.of("/no/such/dir/NotoSansJP-Regular.ttf")), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/no/such/dir/NotoSansJP-Regular.ttf");
    }

    @Test
    void aLineNamesItsKindOnce() throws IOException {
        InvoiceView invoice = invoice("INV-2035-000048", InvoiceStatus.ISSUED, "EUR",
                List.of(new InvoiceLine(InvoiceLineKind.HOURS, "s1", "Anna Kowalski",
                                "Hours: 154.00 at 95.00 an hour", LocalDate.of(2035, 3, 3),
                                LocalDate.of(2035, 3, 28), new BigDecimal("154.00"), new BigDecimal("95.00"),
                                new BigDecimal("14630.00")),
                        new InvoiceLine(InvoiceLineKind.SEAT_FEE, "s2", "Ben Ito",
                                "Seat fee: 21 of 30 days at 9000.00 a month", LocalDate.of(2035, 3, 10),
                                LocalDate.of(2035, 3, 30), new BigDecimal("21"), new BigDecimal("9000.00"),
                                new BigDecimal("6300.00")),
                        new InvoiceLine(InvoiceLineKind.SEAT_FEE, "s3", "Cleo Park", "Backend Engineer",
                                LocalDate.of(2035, 3, 1), LocalDate.of(2035, 3, 31), new BigDecimal("31"),
                                new BigDecimal("9000.00"), new BigDecimal("9000.00"))),
                "29930.00", "0.00", "29930.00", List.of());
        String text = text(pdf.render(invoice));
        assertThat(text).contains("Hours: 154.00 at 95.00 an hour").doesNotContain("Hours: Hours:");
        assertThat(text).contains("Seat fee: 21 of 30 days").doesNotContain("Seat fee: Seat fee:");
        assertThat(text).as("a description that does not name its kind gets it")
                .contains("Seat fee: Backend Engineer");
    }

    /** U+FFFD, or '?' where no font of the chain has U+FFFD either: what marks a missing glyph. */
    private static String replacement(String text) {
        return text.contains("\uFFFD") ? "\uFFFD" : text.contains("?") ? "?" : "";
    }

    private static InvoiceView withNames(InvoiceView invoice, String client, String professional) {
        return new InvoiceView(invoice.invoiceId(), invoice.number(), invoice.engagementId(), invoice.clientId(),
                client, invoice.period(), invoice.status(), invoice.overdue(), invoice.currency(),
                invoice.timeZone(), invoice.issueDate(), invoice.dueDate(), invoice.computedOn(),
                invoice.lines().stream().map(line -> new InvoiceLine(line.kind(), line.seatId(), professional,
                        line.description(), line.from(), line.to(), line.quantity(), line.unitPrice(),
                        line.amount())).toList(),
                invoice.total(), invoice.paid(), invoice.refunded(), invoice.chargedBack(), invoice.credited(),
                invoice.balance(), invoice.movements(), invoice.dispute(), invoice.disputed(), invoice.voidedOn(),
                invoice.voidReason(), invoice.asOfDate(), invoice.version());
    }

    private static String text(byte[] bytes) throws IOException {
        PdfReader reader = new PdfReader(bytes);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static InvoiceLine line(String rate, String amount) {
        return new InvoiceLine(InvoiceLineKind.SEAT_FEE, "s1", "Anna Kowalski", "Backend Engineer",
                LocalDate.of(2035, 3, 1), LocalDate.of(2035, 3, 31), new BigDecimal("31"), new BigDecimal(rate),
                new BigDecimal(amount));
    }

    private static InvoiceView invoice(String number, InvoiceStatus status, String currency, List<InvoiceLine> lines,
                                       String total, String paid, String balance, List<InvoiceMovement> movements) {
        BigDecimal zero = new BigDecimal(total).subtract(new BigDecimal(total));
        boolean issued = number != null;
        return new InvoiceView("inv-1", number, "e1", "acme", "Acme Manufacturing", "2035-03", status, false,
                currency, "Europe/Berlin", issued ? LocalDate.of(2035, 4, 1) : null,
                issued ? LocalDate.of(2035, 5, 1) : null, LocalDate.of(2035, 4, 1), lines, new BigDecimal(total),
                new BigDecimal(paid), zero, zero, zero, new BigDecimal(balance), movements, (InvoiceDispute) null,
                false, null, null, LocalDate.of(2035, 4, 20), 3);
    }

    @Test
    void theDocumentIsDatedByTheApplicationsClockNotTheSystemClock() {
        String raw = new String(pdf.render(invoice("INV-2035-000050", InvoiceStatus.ISSUED, "EUR",
                List.of(line("9800.00", "11177.42")), "11177.42", "0.00", "11177.42", List.of())),
                StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/CreationDate(D:20350403101530Z)").contains("/ModDate(D:20350403101530Z)");
    }

}
