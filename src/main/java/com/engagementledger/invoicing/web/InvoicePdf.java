package com.engagementledger.invoicing.web;

import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceMovement;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.platform.pdf.PdfFonts;
import com.engagementledger.platform.pdf.PdfRenderer;
import com.engagementledger.platform.pdf.PdfSheet;
import com.engagementledger.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The invoice as a PDF (DESIGN.md §5): issuer and client, number (DRAFT while a draft), issue and due dates,
 * period, lines, totals, payments and credits, and the balance, every amount with its currency's minor digits. The
 * same totals as the JSON, from the same read model.
 */
@Component
public class InvoicePdf {

    private final InvoiceIssuerProperties issuer;
    private final PdfFonts fonts;
    private final Clock clock;

    /**
     * @param fonts the configured chain ({@code ledger.pdf.fonts}), which certificates print with too
     * @param clock the application's clock, which dates the document
     */
    public InvoicePdf(InvoiceIssuerProperties issuer, PdfFonts fonts, Clock clock) {
        this.issuer = issuer;
        this.fonts = fonts;
        this.clock = clock;
    }

    public byte[] render(InvoiceView invoice) {
        return PdfRenderer.render(sheet(invoice), fonts, clock.instant());
    }

    public String fileName(InvoiceView invoice) {
        return (invoice.number() != null ? invoice.number() : "DRAFT-" + invoice.invoiceId()) + ".pdf";
    }

    PdfSheet sheet(InvoiceView invoice) {
        String currency = invoice.currency();
        List<PdfSheet.Block> blocks = new ArrayList<>();
        blocks.add(new PdfSheet.Columns(List.of(issuerLines(), clientLines(invoice), detailLines(invoice))));

        blocks.add(new PdfSheet.Heading("Lines"));
        blocks.add(new PdfSheet.Table(
                List.of("Item", "Professional", "Days", "Quantity", "Unit price", "Amount " + currency),
                List.of(6, 3, 3, 2, 2, 3), List.of(false, false, false, true, true, true),
                invoice.lines().stream().map(line -> List.of(item(line), nullToEmpty(line.professionalName()),
                        days(line), Amounts.quantity(line.quantity()),
                        Amounts.format(line.unitPrice(), currency),
                        Amounts.format(line.amount(), currency))).toList(),
                "No billable work in this period."));

        List<PdfSheet.Pair> totals = new ArrayList<>();
        totals.add(new PdfSheet.Pair("Total", money(invoice.total(), currency), false));
        optional(totals, "Paid", invoice.paid(), currency);
        optional(totals, "Refunded", invoice.refunded(), currency);
        optional(totals, "Charged back", invoice.chargedBack(), currency);
        optional(totals, "Credited", invoice.credited(), currency);
        totals.add(new PdfSheet.Pair(invoice.status() == InvoiceStatus.VOID ? "Balance (void)" : "Balance due",
                money(invoice.balance(), currency), true));
        blocks.add(new PdfSheet.Pairs(totals));

        if (!invoice.movements().isEmpty()) {
            blocks.add(new PdfSheet.Heading("Payments and credits"));
            blocks.add(new PdfSheet.Table(
                    List.of("Date", "Kind", "Reference / reason", "Amount " + currency, "Balance after"),
                    List.of(2, 2, 6, 3, 3), List.of(false, false, false, true, true),
                    invoice.movements().stream().map(movement -> List.of(String.valueOf(movement.date()),
                            kind(movement), movement.reference() != null ? movement.reference()
                                    : nullToEmpty(movement.reason()),
                            Amounts.format(movement.amount(), currency),
                            Amounts.format(movement.balance(), currency))).toList(),
                    null));
        }
        blocks.add(new PdfSheet.Paragraph(closing(invoice)));
        return new PdfSheet("Invoice " + (invoice.number() != null ? invoice.number() : "DRAFT"),
                subtitle(invoice), blocks);
    }

    private List<String> issuerLines() {
        List<String> lines = new ArrayList<>();
        lines.add(issuer.name());
        lines.addAll(issuer.address());
        if (issuer.email() != null && !issuer.email().isBlank()) {
            lines.add(issuer.email());
        }
        if (issuer.taxId() != null && !issuer.taxId().isBlank()) {
            lines.add("Tax id: " + issuer.taxId());
        }
        return lines;
    }

    private static List<String> clientLines(InvoiceView invoice) {
        return List.of("Bill to", nullToEmpty(invoice.clientName()), "Client id: " + invoice.clientId(),
                "Engagement: " + invoice.engagementId());
    }

    private static List<String> detailLines(InvoiceView invoice) {
        return List.of("Invoice " + (invoice.number() != null ? invoice.number() : "DRAFT"),
                "Period: " + invoice.period(),
                "Issue date: " + (invoice.issueDate() != null ? invoice.issueDate() : "not issued"),
                "Due date: " + (invoice.dueDate() != null ? invoice.dueDate() : "not issued"),
                "Currency: " + invoice.currency());
    }

    private static String subtitle(InvoiceView invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT) {
            return "DRAFT - a preview, not a request for payment";
        }
        if (invoice.status() == InvoiceStatus.VOID) {
            return "VOID since " + invoice.voidedOn() + ": " + nullToEmpty(invoice.voidReason());
        }
        String status = invoice.status().name().replace('_', ' ');
        if (invoice.overdue()) {
            status += " - OVERDUE since " + invoice.dueDate().plusDays(1);
        }
        if (invoice.disputed()) {
            status += " - DISPUTED";
        }
        return status;
    }

    private static String closing(InvoiceView invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT) {
            return "Computed on " + invoice.computedOn() + "; the lines may change until the invoice is issued.";
        }
        if (invoice.status() == InvoiceStatus.VOID) {
            return "This invoice was voided and asks for no payment.";
        }
        if (invoice.balance() != null && invoice.balance().signum() > 0) {
            return "Please pay " + money(invoice.balance(), invoice.currency()) + " by " + invoice.dueDate()
                    + ", quoting " + invoice.number() + ".";
        }
        return "Nothing is left to pay. Thank you.";
    }

    private static String item(InvoiceLine line) {
        String kind = switch (line.kind()) {
            case SEAT_FEE -> "Seat fee";
            case HOURS -> "Hours";
            case TRIAL -> "Trial (not billed)";
            case OVERLAP -> "Replacement overlap (not billed)";
            case SERVICE_CREDIT -> "Service credit";
        };
        String description = line.description();
        if (description == null || description.isBlank()) {
            return kind;
        }
        // the calculator's descriptions name their kind already ("Hours: 154.00 at 95.00 an hour"): not twice
        String word = switch (line.kind()) {
            case SEAT_FEE -> "Seat fee";
            case HOURS -> "Hours";
            case TRIAL -> "Trial";
            case OVERLAP -> "Overlap";
            case SERVICE_CREDIT -> "Service credit";
        };
        return description.regionMatches(true, 0, word, 0, word.length()) ? description : kind + ": " + description;
    }

    private static String days(InvoiceLine line) {
        LocalDate from = line.from();
        LocalDate to = line.to();
        if (from == null) {
            return "";
        }
        return to == null || to.equals(from) ? from.toString() : from + " to " + to;
    }

    private static String kind(InvoiceMovement movement) {
        String name = movement.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void optional(List<PdfSheet.Pair> totals, String label, BigDecimal amount, String currency) {
        if (amount != null && amount.signum() != 0) {
            totals.add(new PdfSheet.Pair(label, money(amount, currency), false));
        }
    }

    private static String money(BigDecimal amount, String currency) {
        return Amounts.format(amount, currency) + " " + currency;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
