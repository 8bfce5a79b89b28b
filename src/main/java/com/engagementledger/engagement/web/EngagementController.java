package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.AcceptTrial;
import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.CancelEngagement;
import com.engagementledger.engagement.api.EndEngagement;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.RejectTrial;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.engagement.api.WithdrawRateChange;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.web.ETags;
import com.engagementledger.platform.web.NewIds;
import com.engagementledger.platform.web.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Engagements over HTTP: commands in, read model out. Every change answers with the engagement's new version as its
 * ETag; send it back as {@code If-Match} to make sure nobody changed the engagement in between.
 */
@RestController
@RequestMapping("/api/engagements")
@Validated
@Tag(name = "Engagements")
public class EngagementController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EngagementDefaults defaults;
    private final NewIds ids;

    public EngagementController(CommandGateway commands, QueryGateway queries, EngagementDefaults defaults,
                                NewIds ids) {
        this.commands = commands;
        this.queries = queries;
        this.defaults = defaults;
        this.ids = ids;
    }

    @PostMapping
    @Operation(summary = "Propose an engagement with its seats and terms (omitted terms take the defaults)")
    public ResponseEntity<CommandAccepted> propose(@RequestBody @Valid ProposeEngagementRequest request) {
        String engagementId = ids.next("engagement");
        List<NewSeat> seats = new java.util.ArrayList<>();
        for (int i = 0; i < request.seats().size(); i++) {
            SeatRequest seat = request.seats().get(i);
            seats.add(new NewSeat(ids.next("seat " + i), seat.professionalId(), seat.professionalName(),
                    seat.rate(), seat.startDate()));
        }
        commands.sendAndWait(new ProposeEngagement(engagementId, request.clientId(), request.clientName(),
                request.roleTitle(), request.currency(), request.billingModel(), seats,
                defaults.complete(request.terms())));
        return ResponseEntity.created(URI.create("/api/engagements/" + engagementId))
                .eTag(ETags.of(0))
                .body(new CommandAccepted(engagementId, 0));
    }

    @GetMapping
    @Operation(summary = "List engagements, newest first, filtered by status and client")
    public EngagementPage list(@RequestParam(required = false) EngagementStatus status,
                               @RequestParam(required = false) @Size(max = 200) String clientId,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(new FindEngagements(status, clientId, page, size),
                ResponseTypes.instanceOf(EngagementPage.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One engagement: seats, current and scheduled rates, status and key dates")
    public ResponseEntity<EngagementView> get(@PathVariable @ResourceId String id,
                                              WebRequest request) {
        Optional<EngagementView> view = queries.query(new FindEngagement(id),
                ResponseTypes.optionalInstanceOf(EngagementView.class)).join();
        EngagementView engagement = view.orElseThrow(
                () -> RuleViolation.notFound("id", "No engagement with id " + id));
        String etag = ETags.of(engagement.version());
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(engagement);
    }

    @PostMapping("/{id}/trial")
    @Operation(summary = "Start the trial (today unless startDate is given)")
    public ResponseEntity<CommandAccepted> startTrial(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid StartTrialRequest body) {
        return send(id, ifMatch, v -> new StartTrial(id, body == null ? null : body.startDate(), v));
    }

    @PostMapping("/{id}/trial/accept")
    @Operation(summary = "Accept the trial: the engagement becomes active")
    public ResponseEntity<CommandAccepted> acceptTrial(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, ifMatch, v -> new AcceptTrial(id, v));
    }

    @PostMapping("/{id}/trial/reject")
    @Operation(summary = "Reject the trial: the engagement ends, the trial is not billed")
    public ResponseEntity<CommandAccepted> rejectTrial(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid ReasonRequest body) {
        return send(id, ifMatch, v -> new RejectTrial(id, body == null ? null : body.reason(), v));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Activate a proposal without a trial")
    public ResponseEntity<CommandAccepted> activate(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid ActivateRequest body) {
        return send(id, ifMatch, v -> new ActivateEngagement(id, body == null ? null : body.activationDate(), v));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause billing (from today unless pauseDate is given)")
    public ResponseEntity<CommandAccepted> pause(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid PauseRequest body) {
        return send(id, ifMatch, v -> new PauseEngagement(id, body == null ? null : body.pauseDate(), v));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume billing (from today unless resumeDate is given)")
    public ResponseEntity<CommandAccepted> resume(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid ResumeRequest body) {
        return send(id, ifMatch, v -> new ResumeEngagement(id, body == null ? null : body.resumeDate(), v));
    }

    @PostMapping("/{id}/notice")
    @Operation(summary = "Give notice today, with the last billed day")
    public ResponseEntity<CommandAccepted> notice(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid NoticeRequest body) {
        return send(id, ifMatch, v -> new GiveNotice(id, body.lastDay(), body.forCause(), body.reason(), v));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End an engagement whose notice has run out")
    public ResponseEntity<CommandAccepted> end(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, ifMatch, v -> new EndEngagement(id, v));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a proposal")
    public ResponseEntity<CommandAccepted> cancel(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid ReasonRequest body) {
        return send(id, ifMatch, v -> new CancelEngagement(id, body == null ? null : body.reason(), v));
    }

    @PostMapping("/{id}/seats")
    @Operation(summary = "Add a seat from its start date")
    public ResponseEntity<CommandAccepted> addSeat(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid SeatRequest body) {
        String seatId = ids.next("seat");
        ResponseEntity<CommandAccepted> accepted = send(id, ifMatch, v -> new AddSeat(id, seatId,
                body.professionalId(), body.professionalName(), body.rate(), body.startDate(), v));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/engagements/" + id + "#seat-" + seatId))
                .headers(accepted.getHeaders())
                .body(accepted.getBody());
    }

    @PostMapping("/{id}/seats/{seatId}/release")
    @Operation(summary = "Release a seat; releaseDate is its first day no longer billed (on or before its start"
            + " date, the seat is withdrawn: no day of it is billed)")
    public ResponseEntity<CommandAccepted> releaseSeat(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String seatId,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid ReleaseSeatRequest body) {
        return send(id, ifMatch, v -> new ReleaseSeat(id, seatId, body.releaseDate(), v));
    }

    @PostMapping("/{id}/rate-changes")
    @Operation(summary = "Schedule a rate change for one seat, or for every seat billed on the effective date")
    public ResponseEntity<RateChangeAccepted> changeRate(@PathVariable @ResourceId String id,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid RateChangeRequest body) {
        String rateChangeId = ids.next("rate-change");
        ResponseEntity<CommandAccepted> accepted = send(id, ifMatch, v -> new ScheduleRateChange(id, rateChangeId,
                body.seatId(), body.newRate(), body.effectiveDate(), body.reason(), v));
        return ResponseEntity.ok().headers(accepted.getHeaders())
                .body(new RateChangeAccepted(id, rateChangeId, accepted.getBody().version()));
    }

    @PostMapping("/{id}/rate-changes/{rateChangeId}/withdraw")
    @Operation(summary = "Withdraw a scheduled rate change that has not taken effect yet")
    public ResponseEntity<CommandAccepted> withdrawRateChange(@PathVariable @ResourceId String id,
            @PathVariable @ResourceId String rateChangeId,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) @Valid ReasonRequest body) {
        return send(id, ifMatch, v -> new WithdrawRateChange(id, rateChangeId, body == null ? null : body.reason(),
                v));
    }

    private ResponseEntity<CommandAccepted> send(String id, String ifMatch, Function<Long, Object> command) {
        Long version = commands.sendAndWait(command.apply(ETags.expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new CommandAccepted(id, version));
    }
}
