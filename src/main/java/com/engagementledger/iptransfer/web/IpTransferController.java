package com.engagementledger.iptransfer.web;

import com.engagementledger.engagement.api.IpExclusions;
import com.engagementledger.iptransfer.api.FindIpCertificate;
import com.engagementledger.iptransfer.api.FindIpLedger;
import com.engagementledger.iptransfer.api.FindIpTransfer;
import com.engagementledger.iptransfer.api.FindIpTransfers;
import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpLedgerView;
import com.engagementledger.iptransfer.api.IpTransferPage;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferView;
import com.engagementledger.iptransfer.api.ReleaseIpTransferContest;
import com.engagementledger.iptransfer.api.SetIpTransferExclusions;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.CommandAccepted;
import com.engagementledger.platform.web.ETags;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.IfMatch;
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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The IP ledger over HTTP (issue 8, DESIGN.md §5): every role reads the transfers, their certificates (JSON, or the
 * PDF with {@code Accept: application/pdf}) and the ledger's summary (JSON, or CSV with {@code Accept: text/csv});
 * a transfer is changed by the invoice's events alone, except its exclusions before assignment and the release of a
 * contest, both finance's, with a reason.
 */
@RestController
@RequestMapping("/api/ip-transfers")
@Validated
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "IP transfers", description = "The client's ownership of each issued invoice's deliverables: pending,"
        + " partially assigned, assigned with a certificate anyone can check, suspended, contested or voided.")
public class IpTransferController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Gateways gateways;
    private final IpCertificatePdf pdf;

    public IpTransferController(Gateways gateways, IpCertificatePdf pdf) {
        this.gateways = gateways;
        this.pdf = pdf;
    }

    @GetMapping
    @Operation(summary = "List IP transfers",
            description = "One transfer per issued invoice, newest period first, optionally of one client,"
                    + " engagement and status, a page at a time.")
    public Page<IpTransferView> list(
            @Parameter(description = "only transfers of this client") @RequestParam(required = false)
            @Size(max = 200) String clientId,
            @Parameter(description = "only transfers of this engagement") @RequestParam(required = false)
            @Size(max = 200) String engagementId,
            @Parameter(description = "only transfers in this status") @RequestParam(required = false)
            IpTransferStatus status,
            @Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
            int page,
            @Parameter(description = "items per page") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
            int size) {
        IpTransferPage found = gateways.query(new FindIpTransfers(clientId, engagementId, status, page, size),
                ResponseTypes.instanceOf(IpTransferPage.class));
        return new Page<>(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping(value = "/ledger", produces = {JSON, "text/csv"})
    @Operation(summary = "The IP ledger per client and engagement",
            description = "Per client, engagement and currency: the periods assigned, partially assigned, pending,"
                    + " suspended, contested and voided, what remains to be paid before those not yet assigned"
                    + " are (remaining) and what open contests leave owing (contestedShortfall); totals per currency,"
                    + " never added across currencies. With Accept text/csv (preferred"
                    + " by quality) the rows as CSV.")
    public IpLedgerView ledger(
            @Parameter(description = "only this client") @RequestParam(required = false) @Size(max = 200)
            String clientId,
            @Parameter(description = "only this engagement") @RequestParam(required = false) @Size(max = 200)
            String engagementId,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        IpLedgerView view = gateways.query(new FindIpLedger(clientId, engagementId),
                ResponseTypes.instanceOf(IpLedgerView.class));
        if (Representations.preferred(accept, IpLedgerCsv.CSV)) {
            String name = "ip-ledger" + (clientId == null ? "" : "-" + clientId)
                    + (engagementId == null ? "" : "-" + engagementId) + ".csv";
            IpLedgerCsv.write(response, name, view.rows());
            return null;
        }
        // keeps Spring's own negotiation from choosing CSV, which only IpLedgerCsv writes
        response.setContentType(JSON);
        return view;
    }

    /** Produces JSON alone, so that a ledger asked for in another type is a 406 rather than a transfer named "ledger". */
    @GetMapping(value = "/{id}", produces = JSON)
    @Operation(summary = "Read one IP transfer",
            description = "Its status, the paid share (0 to 1), amounts due, paid and remaining, the assignment"
                    + " instant and the certificate's hash once assigned, the exclusions, and an open suspension or"
                    + " the last contest, with the version as ETag; If-None-Match with that ETag answers 304 while"
                    + " nothing changed.")
    @ApiResponse(responseCode = "200", description = "The transfer",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = IpTransferView.class),
                    examples = @ExampleObject(name = "example", summary = "A partially assigned transfer",
                            value = IpTransferExamples.TRANSFER)))
    public ResponseEntity<IpTransferView> get(@PathVariable @ResourceId String id, WebRequest request) {
        IpTransferView transfer = gateways.query(new FindIpTransfer(id),
                        ResponseTypes.optionalInstanceOf(IpTransferView.class))
                .orElseThrow(() -> unknown(id));
        return ETags.conditional(request, transfer.version(), transfer);
    }

    @GetMapping(value = "/{id}/certificate", produces = {JSON, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Read the assignment certificate, or its PDF",
            description = "The certificate exactly as issued at assignment and its sha256: the SHA-256 of the"
                    + " certificate's canonical JSON (RFC 8785: keys sorted, no spaces, UTF-8; every value a string"
                    + " or an integer), to recompute outside the application; beside it, never in it, the"
                    + " transfer's status now, a contest and a void's reason. With Accept: application/pdf the"
                    + " certificate as a PDF printing the hash. 404 for an unknown transfer (rule not-found) and"
                    + " for one not assigned yet (rule not-assigned).")
    @ApiResponse(responseCode = "200", description = "The certificate", content = {
            @Content(mediaType = JSON, schema = @Schema(implementation = IpCertificateView.class),
                    examples = @ExampleObject(name = "example", summary = "An assigned transfer's certificate",
                            value = IpTransferExamples.CERTIFICATE)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary"))})
    public ResponseEntity<?> certificate(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        IpCertificateView certificate = gateways.query(new FindIpCertificate(id),
                        ResponseTypes.optionalInstanceOf(IpCertificateView.class))
                .orElseThrow(() -> notAssigned(id));
        if (!Representations.preferred(accept, MediaType.APPLICATION_PDF)) {
            return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .contentType(MediaType.APPLICATION_JSON).body(CertificateResponse.of(certificate));
        }
        return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pdf.fileName(certificate) + "\"")
                .body(pdf.render(certificate));
    }

    @PostMapping("/{id}/exclusions")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Replace the transfer's exclusions",
            description = "Finance replaces the background technology excluded from this transfer, with a reason,"
                    + " before it is assigned (a certificate never changes) and unless it is voided. Items are"
                    + " plain text of at most 200 characters, each named once, at most 50; an empty list clears"
                    + " them.")
    public ResponseEntity<CommandAccepted> exclusions(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid ExclusionsRequest body) {
        return gateways.accepted(id, new SetIpTransferExclusions(id, IpExclusions.check("exclusions", body.exclusions()),
                body.reason(), version));
    }

    @PostMapping("/{id}/release")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Release a contest",
            description = "Finance lets a contested assignment stand although it is no longer fully paid for, with a"
                    + " reason: the transfer is ASSIGNED again with its unchanged certificate, the release shown"
                    + " beside it. Refused (409) unless the transfer is CONTESTED.")
    public ResponseEntity<CommandAccepted> release(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid ReleaseRequest body) {
        return gateways.accepted(id, new ReleaseIpTransferContest(id, body.reason(), version));
    }

    /** Unknown, or known and not assigned yet: the answer says which (rule not-found or not-assigned). */
    private RuleViolation notAssigned(String id) {
        return gateways.query(new FindIpTransfer(id), ResponseTypes.optionalInstanceOf(IpTransferView.class))
                .map(transfer -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, "not-assigned", "id",
                        transfer.status() == IpTransferStatus.VOIDED
                                ? "IP transfer " + id + " was voided before it was assigned: it has no certificate"
                                : "IP transfer " + id + " is " + transfer.status() + ", not assigned yet: it has"
                                + " no certificate until its invoice is settled"))
                .orElseGet(() -> unknown(id));
    }

    private static RuleViolation unknown(String id) {
        return RuleViolation.notFound("id", "No IP transfer with id " + id);
    }
}
