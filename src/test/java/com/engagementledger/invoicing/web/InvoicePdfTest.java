package com.engagementledger.invoicing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.invoicing.api.InvoiceDispute;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoiceMovement;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invoice PDF read back by text extraction: it shows the issuer (configured), the client, the number, dates,
 * period, lines, totals, payments and balance, every amount with its currency's minor digits; a draft says DRAFT.
 */
class InvoicePdfTest {

    private static final InvoiceIssuerProperties ISSUER = new InvoiceIssuerProperties("Nordlicht Staffing GmbH",
            List.of("Hafenstrasse 7", "20457 Hamburg"), "billing@nordlicht.example", "DE123456789");

    private final InvoicePdf pdf = new InvoicePdf(ISSUER);

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
        assertThat(InvoiceAmounts.format(new BigDecimal("-904.62"), "EUR")).isEqualTo("-904.62");
        assertThat(InvoiceAmounts.format(new BigDecimal("100"), "EUR")).isEqualTo("100.00");
    }

    @Test
    void aDraftSaysDraftAndAVoidAsksForNothing() throws IOException {
        InvoiceView draft = invoice(null, InvoiceStatus.DRAFT, "EUR", List.of(line("9800.00", "9800.00")),
                "9800.00", "0.00", "9800.00", List.of());
        String text = text(pdf.render(draft));
        assertThat(text).contains("Invoice DRAFT").contains("not a request for payment").contains("9,800.00 EUR");
        assertThat(pdf.fileName(draft)).isEqualTo("DRAFT-inv-1.pdf");
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
}
