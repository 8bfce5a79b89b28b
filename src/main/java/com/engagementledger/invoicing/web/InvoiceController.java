package com.engagementledger.invoicing.web;

import com.engagementledger.invoicing.api.DisputeInvoice;
import com.engagementledger.invoicing.api.FindInvoice;
import com.engagementledger.invoicing.api.FindInvoices;
import com.engagementledger.invoicing.api.InvoiceIssuer;
import com.engagementledger.invoicing.api.InvoicePage;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.invoicing.api.IssueCreditNote;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.IssuedInvoice;
import com.engagementledger.invoicing.api.RecordChargeback;
import com.engagementledger.invoicing.api.RecordPayment;
import com.engagementledger.invoicing.api.RecordRefund;
import com.engagementledger.invoicing.api.ResolveInvoiceDispute;
import com.engagementledger.invoicing.api.VoidInvoice;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.CommandAccepted;
import com.engagementledger.platform.web.ETags;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.IfMatch;
import com.engagementledger.platform.web.NewIds;
import com.engagementledger.platform.web.Page;
import com.engagementledger.platform.web.Representations;
import com.engagementledger.platform.web.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Invoices over HTTP: finance drafts, previews, issues, collects, credits, refunds, disputes and voids them; account
 * managers, auditors and admins read them, as JSON or, with {@code Accept: application/pdf}, as the invoice PDF.
 * Every change answers with the invoice's new version as ETag where the command side gives it, to send back as
 * {@code If-Match}. The ids of what a POST records (payment, refund, chargeback, credit note, draft) derive from its
 * {@code Idempotency-Key}; without one, a money movement's id derives from the invoice and the request's content
 * (amount, currency, date, reference or reason), so a retried request can never record it twice: the invoice answers
 * a known id with the same content as before (201, the same body), without a second event.
 */
@RestController
@RequestMapping("/api/invoices")
@Validated
@RolesAllowed(Roles.FINANCE)
@Tag(name = "Invoices", description = "Draft, issue and collect invoices: payments, refunds, chargebacks, credit"
        + " notes, disputes and voids; the invoice PDF.")
public class InvoiceController {

    /** A calendar month, {@code YYYY-MM}, the month 01 to 12. */
    static final String PERIOD = "[0-9]{4}-(0[1-9]|1[0-2])";

    private final Gateways gateways;
    private final NewIds ids;
    private final InvoicePdf pdf;
    private final InvoiceIssuer issuer;
    private final InvoiceDrafting drafting;

    public InvoiceController(Gateways gateways, NewIds ids, InvoicePdf pdf, InvoiceIssuer issuer,
                             InvoiceDrafting drafting) {
        this.issuer = issuer;
        this.drafting = drafting;
        this.gateways = gateways;
        this.ids = ids;
        this.pdf = pdf;
    }

    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft an invoice",
            description = "Computes the invoice of one engagement for one calendar month in its time zone: seat fees"
                    + " prorated by calendar days, approved hours, trial, overlap and service-credit lines. The"
                    + " period can be previewed at any time and the draft is regenerated by drafting again until it"
                    + " is issued (then the answer is 200 with the existing draft's id). Answers 201 with the"
                    + " invoice's location.")
    @ApiResponse(responseCode = "201", description = "A new draft of the period, at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InvoiceDraftAccepted.class)))
    @ApiResponse(responseCode = "200", description = "The period's draft regenerated, at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InvoiceDraftAccepted.class)))
    public ResponseEntity<InvoiceDraftAccepted> draft(@RequestBody @Valid DraftInvoiceRequest body) {
        InvoiceDrafting.Drafted drafted = drafting.draft(body.engagementId(), YearMonth.parse(body.period()));
        URI location = URI.create("/api/invoices/" + drafted.invoiceId());
        return drafted.created()
                ? ResponseEntity.created(location).body(new InvoiceDraftAccepted(drafted.invoiceId()))
                : ResponseEntity.ok().location(location).body(new InvoiceDraftAccepted(drafted.invoiceId()));
    }

    @GetMapping
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List invoices",
            description = "Invoices newest period first, optionally filtered by status, client, engagement and"
                    + " period, a page at a time; each says whether it is overdue today.")
    public Page<InvoiceView> list(
            @Parameter(description = "only invoices in this status") @RequestParam(required = false)
            InvoiceStatus status,
            @Parameter(description = "only invoices of this client") @RequestParam(required = false)
            @Size(max = 200) String clientId,
            @Parameter(description = "only invoices of this engagement") @RequestParam(required = false)
            @Size(max = 200) String engagementId,
            @Parameter(description = "only invoices of this month, YYYY-MM") @RequestParam(required = false)
            @Pattern(regexp = PERIOD, message = "must be a month YYYY-MM, the month 01 to 12") String period,
            @Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
            int page,
            @Parameter(description = "items per page") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
            int size) {
        InvoicePage found = gateways.query(new FindInvoices(status, clientId, engagementId, period, page, size),
                ResponseTypes.instanceOf(InvoicePage.class));
        return new Page<>(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping(value = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Read one invoice, or its PDF",
            description = "Lines, totals, payments, refunds, chargebacks and credit notes, the balance, the dispute"
                    + " and whether it is overdue today, with the version as ETag; If-None-Match with that ETag"
                    + " answers 304 while nothing changed. With Accept: application/pdf, the invoice as a PDF (a"
                    + " draft's marked DRAFT).")
    @ApiResponse(responseCode = "200", description = "The invoice", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = InvoiceView.class),
                    examples = @ExampleObject(name = "example", summary = "A typical answer",
                            value = InvoiceExamples.INVOICE)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> get(@PathVariable @ResourceId String id, WebRequest request) {
        InvoiceView invoice = gateways.query(new FindInvoice(id), ResponseTypes.optionalInstanceOf(InvoiceView.class))
                .orElseThrow(() -> RuleViolation.notFound("id", "No invoice with id " + id));
        ResponseEntity<InvoiceView> conditional = ETags.conditional(request, invoice.version(), invoice);
        boolean asPdf = Representations.preferred(request.getHeader(HttpHeaders.ACCEPT), MediaType.APPLICATION_PDF);
        if (!asPdf || conditional.getStatusCode() != HttpStatus.OK) {
            return ResponseEntity.status(conditional.getStatusCode()).headers(conditional.getHeaders())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(conditional.getBody());
        }
        return ResponseEntity.ok().headers(conditional.getHeaders())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pdf.fileName(invoice) + "\"")
                .body(pdf.render(invoice));
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue the draft",
            description = "Issues a draft once its period has ended (billing is in arrears): the next number of the"
                    + " year, INV-YYYY-NNNNNN without a gap, the issue date today and the due date after the"
                    + " engagement's payment terms. The period is closed on the engagement: no rate or seat change"
                    + " reaches into it any more.")
    public ResponseEntity<InvoiceIssueAccepted> issue(@PathVariable @ResourceId String id, @IfMatch Long version) {
        IssuedInvoice issued = issuer.issue(new IssueInvoice(id, version));
        return ResponseEntity.ok(new InvoiceIssueAccepted(issued.invoiceId(), issued.number(), issued.issueDate(),
                issued.dueDate()));
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void the invoice",
            description = "Voids a draft or an issued invoice while nothing is paid; the reason is required. An"
                    + " issued invoice keeps its number; its period can be drafted again.")
    public ResponseEntity<CommandAccepted> voidInvoice(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid InvoiceReasonRequest body) {
        return accepted(id, gateways.send(new VoidInvoice(id, body.reason(), version)));
    }

    @PostMapping("/{id}/dispute")
    @Operation(summary = "Record a dispute",
            description = "The client disputes the issued invoice, with a reason; one dispute is open at a time.")
    public ResponseEntity<CommandAccepted> dispute(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid InvoiceReasonRequest body) {
        return accepted(id, gateways.send(new DisputeInvoice(id, body.reason(), version)));
    }

    @PostMapping("/{id}/dispute/resolve")
    @Operation(summary = "Resolve the dispute", description = "Resolves the open dispute, with a reason.")
    public ResponseEntity<CommandAccepted> resolveDispute(@PathVariable @ResourceId String id,
            @IfMatch Long version, @RequestBody @Valid InvoiceReasonRequest body) {
        return accepted(id, gateways.send(new ResolveInvoiceDispute(id, body.reason(), version)));
    }

    @PostMapping("/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment",
            description = "A payment received, in the invoice's currency, partial or in full but never more than"
                    + " the balance, dated from the issue date to today. Answers 201 with the payment's id. Sent again"
                    + " (with the same Idempotency-Key, or without one with the same amount, currency, date and"
                    + " reference) it answers the same and records nothing twice.")
    public ResponseEntity<PaymentAccepted> pay(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid PaymentRequest body) {
        RecordPayment payment = payment(ids, id, version, body);
        Long next = versionOf(gateways.send(payment));
        return created(id, "payment", payment.paymentId(), next, new PaymentAccepted(id, payment.paymentId(), next));
    }

    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a refund",
            description = "Money paid back to the client, with a reason: at most what it has paid and kept; the"
                    + " balance opens again. Answers 201 with the refund's id.")
    public ResponseEntity<RefundAccepted> refund(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid RefundRequest body) {
        String refundId = ids.fromContent("refund", id, amountKey(body.amount()), body.currency(), body.date(),
                body.reason());
        Long next = versionOf(gateways.send(new RecordRefund(id, refundId, body.amount(), body.currency(),
                body.date(), body.reason(), version)));
        return created(id, "refund", refundId, next, new RefundAccepted(id, refundId, next));
    }

    @PostMapping("/{id}/chargebacks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a chargeback",
            description = "A payment taken back by the client's bank, with a reason: at most what it has paid and"
                    + " kept; the balance opens again. Answers 201 with the chargeback's id.")
    public ResponseEntity<ChargebackAccepted> chargeback(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid ChargebackRequest body) {
        String chargebackId = ids.fromContent("chargeback", id, amountKey(body.amount()), body.currency(),
                body.date(), body.reason());
        Long next = versionOf(gateways.send(new RecordChargeback(id, chargebackId, body.amount(), body.currency(),
                body.date(), body.reason(), version)));
        return created(id, "chargeback", chargebackId, next, new ChargebackAccepted(id, chargebackId, next));
    }

    @PostMapping("/{id}/credit-notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a credit note",
            description = "Credits the client, with a reason: the balance goes down, never below zero. Answers 201"
                    + " with the credit note's id.")
    public ResponseEntity<CreditNoteAccepted> creditNote(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid CreditNoteRequest body) {
        IssueCreditNote creditNote = creditNote(ids, id, version, body);
        Long next = versionOf(gateways.send(creditNote));
        return created(id, "credit-note", creditNote.creditNoteId(), next,
                new CreditNoteAccepted(id, creditNote.creditNoteId(), next));
    }

    /**
     * The payment a request records, for the API and the console: its id derives from the invoice and the content, so
     * that the same payment sent twice (a retry, a double submit) is recorded once.
     */
    static RecordPayment payment(NewIds ids, String invoiceId, Long version, PaymentRequest body) {
        String paymentId = ids.fromContent("payment", invoiceId, amountKey(body.amount()), body.currency(),
                body.date(), blankToNull(body.reference()));
        return new RecordPayment(invoiceId, paymentId, body.amount(), body.currency(), body.date(),
                body.reference(), version);
    }

    /** The credit note a request issues, its id from the invoice and the content, as for {@link #payment}. */
    static IssueCreditNote creditNote(NewIds ids, String invoiceId, Long version, CreditNoteRequest body) {
        String creditNoteId = ids.fromContent("credit note", invoiceId, amountKey(body.amount()), body.currency(),
                body.date(), body.reason());
        return new IssueCreditNote(invoiceId, creditNoteId, body.amount(), body.currency(), body.date(),
                body.reason(), version);
    }

    /**
     * An amount as it names a movement: 100, 100.0 and 100.00 are one amount (the invoice keeps it in its currency's
     * minor unit), so a retry that writes it otherwise still gets the same id.
     */
    private static String amountKey(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The invoice's version after a change, where the command side answers it. */
    static Long versionOf(Object result) {
        return result instanceof Number number ? number.longValue() : null;
    }

    private static ResponseEntity<CommandAccepted> accepted(String id, Object result) {
        Long version = versionOf(result);
        if (version == null) {
            throw new IllegalStateException("The invoice's command answered no version: " + result);
        }
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new CommandAccepted(id, version));
    }

    private static <T> ResponseEntity<T> created(String invoiceId, String kind, String recordedId, Long version,
                                                 T body) {
        ResponseEntity.BodyBuilder created = ResponseEntity.created(
                URI.create("/api/invoices/" + invoiceId + "#" + kind + "-" + recordedId));
        if (version != null) {
            created.eTag(ETags.of(version));
        }
        return created.body(body);
    }
}
