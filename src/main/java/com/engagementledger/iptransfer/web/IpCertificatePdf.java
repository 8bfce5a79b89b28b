package com.engagementledger.iptransfer.web;

import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.CertificateEvent;
import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferView;
import com.engagementledger.platform.pdf.PdfFonts;
import com.engagementledger.platform.pdf.PdfRenderer;
import com.engagementledger.platform.pdf.PdfSheet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The assignment certificate as a PDF (issue 8): client, engagement, period, invoice, the amounts due and paid, the
 * assignment instant, the exclusions, the events it rests on with their global positions, and its SHA-256, every
 * value printed as the certificate holds it (the amounts are its decimal strings). A contest or a void is printed
 * beside the certificate, never in it: the hash is of the certificate alone.
 */
@Component
public class IpCertificatePdf {

    /** Room for an instant with microseconds ({@code 2027-07-02T09:15:42.123456Z}) on one line beside its label. */
    private static final int ASSIGNMENT_WIDTH_PERCENT = 80;

    private final PdfFonts fonts;

    /** @param fonts the configured chain ({@code ledger.pdf.fonts}), the invoices' too */
    public IpCertificatePdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] render(IpCertificateView view) {
        // dated by the assignment, so that the same certificate always prints the same dates
        return PdfRenderer.render(sheet(view), fonts, Instant.parse(view.certificate().assignedAt()));
    }

    public String fileName(IpCertificateView view) {
        return "ip-certificate-" + view.certificate().invoiceNumber() + ".pdf";
    }

    PdfSheet sheet(IpCertificateView view) {
        AssignmentCertificate certificate = view.certificate();
        String currency = certificate.currency();
        List<PdfSheet.Block> blocks = new ArrayList<>();
        blocks.add(new PdfSheet.Columns(List.of(
                List.of("Client", text(certificate.clientName()), "Client id: " + text(certificate.clientId())),
                List.of("Deliverables", "Engagement: " + text(certificate.engagementId()),
                        "Period: " + text(certificate.period())),
                List.of("Invoice " + text(certificate.invoiceNumber()), "Invoice id: " + text(certificate.invoiceId()),
                        "Issue date: " + text(certificate.issueDate()), "Currency: " + text(currency)))));
        blocks.add(new PdfSheet.Pairs(List.of(
                new PdfSheet.Pair("Invoice total", money(certificate.invoiceTotal(), currency), false),
                new PdfSheet.Pair("Amount due", money(certificate.amountDue(), currency), false),
                new PdfSheet.Pair("Amount paid", money(certificate.amountPaid(), currency), false),
                new PdfSheet.Pair("Assigned at", text(certificate.assignedAt()), true)), ASSIGNMENT_WIDTH_PERCENT));
        blocks.add(new PdfSheet.Paragraph("The intellectual property in the deliverables of this engagement for this"
                + " period passes to the client as of " + text(certificate.assignedAt()) + " (IP trigger "
                + text(certificate.trigger()) + "), except the background technology listed below."));

        blocks.add(new PdfSheet.Heading("Background technology excluded"));
        List<String> exclusions = certificate.exclusions() == null ? List.of() : certificate.exclusions();
        blocks.add(new PdfSheet.Table(List.of("#", "Item"), List.of(1, 12), List.of(true, false),
                indexed(exclusions), "None."));

        blocks.add(new PdfSheet.Heading("Events it rests on"));
        List<CertificateEvent> events = certificate.events() == null ? List.of() : certificate.events();
        blocks.add(new PdfSheet.Table(List.of("Invoice sequence", "Event", "Event id", "Global position"),
                List.of(2, 4, 7, 3), List.of(true, false, false, true),
                events.stream().map(event -> List.of(String.valueOf(event.sequence()), text(event.eventType()),
                        text(event.eventId()), String.valueOf(event.globalPosition()))).toList(), null));

        blocks.add(new PdfSheet.Heading("SHA-256 of the certificate's canonical JSON"));
        blocks.add(new PdfSheet.Paragraph(view.sha256()));
        blocks.add(new PdfSheet.Paragraph("Schema " + text(certificate.schema()) + ". Recompute the hash from GET"
                + " /api/ip-transfers/" + certificate.ipTransferId() + "/certificate: the SHA-256 of its"
                + " \"certificate\" written as JSON with sorted keys, no spaces, UTF-8 (RFC 8785)."));
        String beside = beside(view);
        if (beside != null) {
            blocks.add(new PdfSheet.Heading("Since the assignment"));
            blocks.add(new PdfSheet.Paragraph(beside));
        }
        return new PdfSheet("IP assignment certificate", subtitle(view), blocks);
    }

    private static String subtitle(IpCertificateView view) {
        String status = view.status() == null ? "" : view.status().name().replace('_', ' ');
        return "Invoice " + text(view.certificate().invoiceNumber()) + ", period " + text(view.certificate().period())
                + (status.isEmpty() ? "" : " - " + status);
    }

    /** A contest or a void, printed beside the certificate; null when neither happened. */
    private static String beside(IpCertificateView view) {
        List<String> lines = new ArrayList<>();
        IpTransferView.Contest contest = view.contest();
        if (contest != null) {
            String kind = contest.kind() == null ? "A movement" : capitalized(contest.kind());
            String shortfall = contest.shortfall() == null ? ""
                    : " left " + contest.shortfall().toPlainString() + " " + view.certificate().currency() + " unpaid";
            if (contest.open()) {
                lines.add("CONTESTED since " + contest.contestedAt() + ": " + kind + shortfall
                        + ". The assignment stands recorded and is contested until paid or released.");
            } else {
                lines.add("Contested on " + contest.contestedAt() + " (" + kind + shortfall + "), resolved on "
                        + contest.resolvedAt() + ": " + text(contest.resolution())
                        + (contest.reason() == null ? "" : " - " + contest.reason()) + ".");
            }
        }
        if (view.status() == IpTransferStatus.VOIDED) {
            lines.add("VOIDED: the invoice was voided" + (view.voidReason() == null ? "" : " - " + view.voidReason())
                    + ".");
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static List<List<String>> indexed(List<String> items) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(List.of(String.valueOf(i + 1), items.get(i)));
        }
        return rows;
    }

    private static String capitalized(String name) {
        String lower = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String money(String amount, String currency) {
        return text(amount) + " " + text(currency);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
