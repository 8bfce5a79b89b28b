package com.engagementledger.replacement.web;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.CommandAccepted;
import com.engagementledger.platform.web.ETags;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.IfMatch;
import com.engagementledger.platform.web.NewIds;
import com.engagementledger.platform.web.Page;
import com.engagementledger.platform.web.ResourceId;
import com.engagementledger.replacement.api.AcceptCandidate;
import com.engagementledger.replacement.api.CompleteReplacement;
import com.engagementledger.replacement.api.FindReplacement;
import com.engagementledger.replacement.api.FindReplacements;
import com.engagementledger.replacement.api.ProposeCandidate;
import com.engagementledger.replacement.api.RejectCandidate;
import com.engagementledger.replacement.api.ReplacementPage;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementView;
import com.engagementledger.replacement.api.RequestReplacement;
import com.engagementledger.replacement.api.WithdrawReplacement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
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
 * Replacements over HTTP: an account manager requests one for a seat of an engagement and runs it (candidates
 * proposed, rejected, accepted; completed early or withdrawn); every role reads. A change answers with the
 * replacement's new version as ETag, to send back as {@code If-Match}; the request itself takes the engagement's.
 */
@RestController
@RequestMapping("/api")
@Validated
@RolesAllowed(Roles.ACCOUNT_MANAGER)
@Tag(name = "Replacements", description = "Replace a seat's professional under the replacement guarantee:"
        + " request, candidates, the overlap and the SLA.")
public class ReplacementController {

    private final Gateways gateways;
    private final NewIds ids;

    public ReplacementController(Gateways gateways, NewIds ids) {
        this.gateways = gateways;
        this.ids = ids;
    }

    @PostMapping("/engagements/{id}/replacements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a replacement",
            description = "Asks for a new professional in one seat of the engagement, for non-performance,"
                    + " attrition or at the client's request. The engagement decides, once, whether it is free"
                    + " (attrition always; otherwise inside the seat's guarantee window while free replacements are"
                    + " left) and the SLA runs from today. If-Match takes the engagement's ETag. Answers 201 with"
                    + " the replacement's location.")
    public ResponseEntity<ReplacementCreated> request(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid RequestReplacementRequest body) {
        String replacementId = ids.next("replacement");
        // the engagement answers its own version; the new replacement's is 0
        gateways.send(new RequestReplacement(id, replacementId, body.seatId(), body.reason(), body.note(), version));
        return ResponseEntity.created(URI.create("/api/replacements/" + replacementId))
                .eTag(ETags.of(0))
                .body(new ReplacementCreated(replacementId, 0));
    }

    @GetMapping("/replacements")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List replacements",
            description = "Replacements newest request first, optionally of one engagement and in one status as of"
                    + " today (an accepted candidate's replacement is in OVERLAP from the overlap's first day), a"
                    + " page at a time.")
    public Page<ReplacementView> list(
            @Parameter(description = "only replacements of this engagement") @RequestParam(required = false)
            @Size(max = 200) String engagementId,
            @Parameter(description = "only replacements in this status today") @RequestParam(required = false)
            ReplacementStatus status,
            @Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
            int page,
            @Parameter(description = "items per page") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
            int size) {
        ReplacementPage found = gateways.query(new FindReplacements(engagementId, status, page, size),
                ResponseTypes.instanceOf(ReplacementPage.class));
        return new Page<>(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/replacements/{id}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Read one replacement",
            description = "Status as of today, eligibility and why, the SLA's due date, candidates, the overlap and"
                    + " a missed SLA with its credit, with the version as ETag; If-None-Match with that ETag answers"
                    + " 304 while nothing changed.")
    public ResponseEntity<ReplacementView> get(@PathVariable @ResourceId String id, WebRequest request) {
        ReplacementView replacement = gateways.query(new FindReplacement(id),
                        ResponseTypes.optionalInstanceOf(ReplacementView.class))
                .orElseThrow(() -> RuleViolation.notFound("id", "No replacement with id " + id));
        return ETags.conditional(request, replacement.version(), replacement);
    }

    @PostMapping("/replacements/{id}/candidates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a candidate",
            description = "Proposes a professional for the seat; one candidate is pending at a time. Answers 201"
                    + " with the candidate's id, by which they are accepted or rejected.")
    public ResponseEntity<CandidateAdded> proposeCandidate(@PathVariable @ResourceId String id,
            @IfMatch Long version, @RequestBody @Valid ProposeCandidateRequest body) {
        String candidateId = ids.next("candidate");
        long next = gateways.version(new ProposeCandidate(id, candidateId, body.professionalId(),
                body.professionalName(), version));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/replacements/" + id + "#candidate-" + candidateId))
                .eTag(ETags.of(next))
                .body(new CandidateAdded(id, candidateId, next));
    }

    @PostMapping("/replacements/{id}/candidates/{candidateId}/accept")
    @Operation(summary = "Accept the candidate",
            description = "Accepts the pending candidate, who starts in the seat on startDate: the overlap runs the"
                    + " engagement's overlap business days from it, zero-rated for a free replacement, and the seat"
                    + " passes to the candidate the day after. Stops the SLA clock.")
    public ResponseEntity<CommandAccepted> acceptCandidate(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String candidateId, @IfMatch Long version,
            @RequestBody @Valid AcceptCandidateRequest body) {
        return gateways.accepted(id, new AcceptCandidate(id, candidateId, body.startDate(), version));
    }

    @PostMapping("/replacements/{id}/candidates/{candidateId}/reject")
    @Operation(summary = "Reject the candidate",
            description = "Turns the pending candidate down with a reason; another can then be proposed. The SLA"
                    + " clock runs on.")
    public ResponseEntity<CommandAccepted> rejectCandidate(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String candidateId, @IfMatch Long version,
            @RequestBody @Valid RejectCandidateRequest body) {
        return gateways.accepted(id, new RejectCandidate(id, candidateId, body.reason(), version));
    }

    @PostMapping("/replacements/{id}/complete")
    @Operation(summary = "Complete the replacement early",
            description = "Ends the overlap today: from today the incoming professional holds the seat alone."
                    + " Without it the replacement completes by itself the day after the overlap's last day.")
    public ResponseEntity<CommandAccepted> complete(@PathVariable @ResourceId String id, @IfMatch Long version) {
        return gateways.accepted(id, new CompleteReplacement(id, version));
    }

    @PostMapping("/replacements/{id}/withdraw")
    @Operation(summary = "Withdraw the replacement",
            description = "Withdraws the replacement at any point before it completes; the outgoing professional"
                    + " keeps the seat and a free replacement's quota is given back. The reason is optional.")
    public ResponseEntity<CommandAccepted> withdraw(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid WithdrawReplacementRequest body) {
        return gateways.accepted(id, new WithdrawReplacement(id, body == null ? null : body.reason(), version));
    }
}
