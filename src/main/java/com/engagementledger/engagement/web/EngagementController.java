package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.AcceptTrial;
import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.CancelEngagement;
import com.engagementledger.engagement.api.EndEngagement;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementSummary;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.RejectTrial;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.engagement.api.WithdrawNotice;
import com.engagementledger.engagement.api.WithdrawPause;
import com.engagementledger.engagement.api.WithdrawSeatRelease;
import com.engagementledger.engagement.api.WithdrawRateChange;
import com.engagementledger.engagement.api.WithdrawResume;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.CommandAccepted;
import com.engagementledger.platform.web.ETags;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.IfMatch;
import com.engagementledger.platform.web.NewIds;
import com.engagementledger.platform.web.Page;
import com.engagementledger.platform.web.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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
 * Engagements over HTTP: commands in, read model out. Changes are the account manager's job; every role reads. Every
 * change answers with the engagement's new version as its ETag; send it back as {@code If-Match} to make sure nobody
 * changed the engagement in between.
 */
@RestController
@RequestMapping("/api/engagements")
@Validated
@RolesAllowed(Roles.ACCOUNT_MANAGER)
@Tag(name = "Engagements", description = "Propose, run and end engagements: trial, activation, seats, rate changes,"
        + " pauses and notice.")
public class EngagementController {

    private final Gateways gateways;
    private final NewIds ids;
    private final Proposals proposals;

    public EngagementController(Gateways gateways, NewIds ids, Proposals proposals) {
        this.gateways = gateways;
        this.ids = ids;
        this.proposals = proposals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose an engagement",
            description = "Proposes an engagement with its seats and terms; omitted terms take the configured"
                    + " defaults. Answers 201 with the new engagement's location.")
    public ResponseEntity<CommandAccepted> propose(@RequestBody @Valid ProposeEngagementRequest request) {
        ProposeEngagement command = proposals.command(request);
        return gateways.created(URI.create("/api/engagements/" + command.engagementId()), command.engagementId(),
                command);
    }

    @GetMapping
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List engagements",
            description = "Engagements newest first, optionally filtered by status and client, a page at a time.")
    public Page<EngagementSummary> list(
            @Parameter(description = "only engagements in this status") @RequestParam(required = false)
            EngagementStatus status,
            @Parameter(description = "only engagements of this client") @RequestParam(required = false)
            @Size(max = 200) String clientId,
            @Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
            int page,
            @Parameter(description = "items per page") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
            int size) {
        EngagementPage found = gateways.query(new FindEngagements(status, clientId, page, size),
                ResponseTypes.instanceOf(EngagementPage.class));
        return new Page<>(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Read one engagement",
            description = "Seats, current and scheduled rates, status and key dates, with the version as ETag;"
                    + " If-None-Match with that ETag answers 304 while nothing changed.")
    public ResponseEntity<EngagementView> get(@PathVariable @ResourceId String id, WebRequest request) {
        EngagementView engagement = gateways.query(new FindEngagement(id),
                        ResponseTypes.optionalInstanceOf(EngagementView.class))
                .orElseThrow(() -> RuleViolation.notFound("id", "No engagement with id " + id));
        return ETags.conditional(request, engagement.version(), engagement);
    }

    @PostMapping("/{id}/trial")
    @Operation(summary = "Start the trial", description = "Starts the trial today, or on startDate.")
    public ResponseEntity<CommandAccepted> startTrial(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid StartTrialRequest body) {
        return gateways.accepted(id, new StartTrial(id, body == null ? null : body.startDate(), version));
    }

    @PostMapping("/{id}/trial/accept")
    @Operation(summary = "Accept the trial", description = "The engagement becomes active; the trial is billed.")
    public ResponseEntity<CommandAccepted> acceptTrial(@PathVariable @ResourceId String id, @IfMatch Long version) {
        return gateways.accepted(id, new AcceptTrial(id, version));
    }

    @PostMapping("/{id}/trial/reject")
    @Operation(summary = "Reject the trial", description = "The engagement ends; the trial is not billed.")
    public ResponseEntity<CommandAccepted> rejectTrial(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid ReasonRequest body) {
        return gateways.accepted(id, new RejectTrial(id, body == null ? null : body.reason(), version));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Activate a proposal",
            description = "Takes a proposal without a trial straight to active, today or from activationDate.")
    public ResponseEntity<CommandAccepted> activate(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid ActivateRequest body) {
        return gateways.accepted(id, new ActivateEngagement(id, body == null ? null : body.activationDate(), version));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause billing", description = "Pauses billing from today, or from pauseDate.")
    public ResponseEntity<CommandAccepted> pause(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid PauseRequest body) {
        return gateways.accepted(id, new PauseEngagement(id, body == null ? null : body.pauseDate(), version));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume billing", description = "Resumes billing from today, or from resumeDate.")
    public ResponseEntity<CommandAccepted> resume(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid ResumeRequest body) {
        return gateways.accepted(id, new ResumeEngagement(id, body == null ? null : body.resumeDate(), version));
    }

    @PostMapping("/{id}/pause/withdraw")
    @Operation(summary = "Withdraw a pause",
            description = "Withdraws the pause that has no resume while its pauseDate lies within the back-dating"
                    + " window (a pause recorded today by mistake, or one scheduled for later, for instance before"
                    + " notice is given with a last day before it); an older pause is ended by a resume. The reason"
                    + " is optional.")
    public ResponseEntity<CommandAccepted> withdrawPause(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid WithdrawPauseRequest body) {
        return gateways.accepted(id, new WithdrawPause(id, body == null ? null : body.reason(), version));
    }

    @PostMapping("/{id}/resume/withdraw")
    @Operation(summary = "Withdraw a resume",
            description = "Withdraws the last resume while its resumeDate lies within the back-dating window: the"
                    + " pause it ended is open again; an older resume stays and the engagement is paused again"
                    + " instead. The reason is optional.")
    public ResponseEntity<CommandAccepted> withdrawResume(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid WithdrawResumeRequest body) {
        return gateways.accepted(id, new WithdrawResume(id, body == null ? null : body.reason(), version));
    }

    @PostMapping("/{id}/notice")
    @Operation(summary = "Give notice",
            description = "Gives notice today with the last billed day; a termination for cause needs a reason.")
    public ResponseEntity<CommandAccepted> notice(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid NoticeRequest body) {
        return gateways.accepted(id, new GiveNotice(id, body.lastDay(), Boolean.TRUE.equals(body.forCause()), body.reason(), version));
    }

    @PostMapping("/{id}/notice/withdraw")
    @Operation(summary = "Withdraw a notice",
            description = "Withdraws the notice while the day it was given lies within the back-dating window and"
                    + " its last day has not passed: the engagement runs on as active (or paused, if a pause without"
                    + " a resume is recorded) and is no longer ended after the last day; notice can then be given"
                    + " again. An older notice stands. The reason is optional.")
    public ResponseEntity<CommandAccepted> withdrawNotice(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid WithdrawNoticeRequest body) {
        return gateways.accepted(id, new WithdrawNotice(id, body == null ? null : body.reason(), version));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End the engagement", description = "Ends an engagement whose notice has run out.")
    public ResponseEntity<CommandAccepted> end(@PathVariable @ResourceId String id, @IfMatch Long version) {
        return gateways.accepted(id, new EndEngagement(id, version));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a proposal", description = "Cancels a proposal, with an optional reason.")
    public ResponseEntity<CommandAccepted> cancel(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody(required = false) @Valid ReasonRequest body) {
        return gateways.accepted(id, new CancelEngagement(id, body == null ? null : body.reason(), version));
    }

    @PostMapping("/{id}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a seat", description = "Adds a seat, billed from its start date. Answers 201.")
    public ResponseEntity<SeatAdded> addSeat(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid SeatRequest body) {
        String seatId = ids.next("seat");
        long next = gateways.version(new AddSeat(id, seatId, body.professionalId(), body.professionalName(),
                body.rate(), body.startDate(), version));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/engagements/" + id + "#seat-" + seatId))
                .eTag(ETags.of(next))
                .body(new SeatAdded(id, seatId, next));
    }

    @PostMapping("/{id}/seats/{seatId}/release")
    @Operation(summary = "Release a seat",
            description = "releaseDate is the seat's first day no longer billed; on or before its start date the"
                    + " seat is withdrawn.")
    public ResponseEntity<CommandAccepted> releaseSeat(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String seatId, @IfMatch Long version,
            @RequestBody @Valid ReleaseSeatRequest body) {
        return gateways.accepted(id, new ReleaseSeat(id, seatId, body.releaseDate(), version));
    }

    @PostMapping("/{id}/seats/{seatId}/release/withdraw")
    @Operation(summary = "Withdraw a seat's release",
            description = "Withdraws the seat's release while its releaseDate is after today or within the"
                    + " back-dating window: the seat runs on, unless its professional fills another seat by then."
                    + " An older release stays. To move a release to another day, withdraw it and release again."
                    + " The reason is optional.")
    public ResponseEntity<CommandAccepted> withdrawSeatRelease(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String seatId, @IfMatch Long version,
            @RequestBody(required = false) @Valid WithdrawSeatReleaseRequest body) {
        return gateways.accepted(id, new WithdrawSeatRelease(id, seatId, body == null ? null : body.reason(),
                version));
    }

    @PostMapping("/{id}/rate-changes")
    @Operation(summary = "Schedule a rate change",
            description = "A new rate for one seat, or for every seat billed on the effective date, with a reason."
                    + " The answer names the rate change, by which it can be withdrawn until it takes effect.")
    public ResponseEntity<RateChangeAccepted> changeRate(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid RateChangeRequest body) {
        String rateChangeId = ids.next("rate-change");
        long next = gateways.version(new ScheduleRateChange(id, rateChangeId, body.seatId(), body.newRate(),
                body.effectiveDate(), body.reason(), version));
        return ResponseEntity.ok().eTag(ETags.of(next)).body(new RateChangeAccepted(id, rateChangeId, next));
    }

    @PostMapping("/{id}/rate-changes/{rateChangeId}/withdraw")
    @Operation(summary = "Withdraw a scheduled rate change",
            description = "Withdraws a rate change whose effective date is after today or within the back-dating"
                    + " window, for instance a wrong rate or before notice is given with a last day before it; the"
                    + " reason is optional.")
    public ResponseEntity<CommandAccepted> withdrawRateChange(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String rateChangeId, @IfMatch Long version,
            @RequestBody(required = false) @Valid ReasonRequest body) {
        return gateways.accepted(id, new WithdrawRateChange(id, rateChangeId, body == null ? null : body.reason(),
                version));
    }
}
