package com.engagementledger.timesheet.web;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.CommandAccepted;
import com.engagementledger.platform.web.ETags;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.IfMatch;
import com.engagementledger.platform.web.Page;
import com.engagementledger.platform.web.ResourceId;
import com.engagementledger.timesheet.api.ApproveTimesheet;
import com.engagementledger.timesheet.api.CorrectTimesheet;
import com.engagementledger.timesheet.api.DisputeTimesheet;
import com.engagementledger.timesheet.api.FindTimesheet;
import com.engagementledger.timesheet.api.FindTimesheets;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.ResubmitTimesheet;
import com.engagementledger.timesheet.api.SubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetPage;
import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Timesheets over HTTP (DESIGN.md §5): an account manager submits a seat's week of an hourly engagement and
 * resubmits it when disputed; the client's decision, approve or dispute, is recorded by the account manager or by
 * finance, who both hear from clients; an approved week is corrected, with a reason, by either of them; every role
 * reads. A change answers with the timesheet's new version as ETag, to send back as {@code If-Match}.
 */
@RestController
@RequestMapping("/api/timesheets")
@Validated
@RolesAllowed(Roles.ACCOUNT_MANAGER)
@Tag(name = "Timesheets", description = "Hours of hourly engagements' seats, week by week: submitted, approved or"
        + " disputed by the client, approved by themselves after 7 days, corrected with a reason.")
public class TimesheetController {

    private final Gateways gateways;

    public TimesheetController(Gateways gateways) {
        this.gateways = gateways;
    }

    @PostMapping
    @Operation(summary = "Submit a week",
            description = "Submits one seat's hours for one ISO week (YYYY-Www) of an HOURLY engagement: per day of"
                    + " that week 0 to 24 in quarter hours, more than 0 only on days the seat is billed and not after"
                    + " today. One timesheet per seat and week. Unless disputed it approves itself 7 days after"
                    + " submission. Answers 201 with the timesheet's location and id.")
    public ResponseEntity<TimesheetCreated> submit(@RequestBody @Valid SubmitTimesheetRequest body) {
        IsoWeek.parse("week", body.week());
        SubmitTimesheet submit = new SubmitTimesheet(body.engagementId(), body.seatId(), body.week(),
                TimesheetDays.of(body.hours()));
        String timesheetId;
        try {
            timesheetId = gateways.send(submit);
        } catch (CommandExecutionException refused) {
            // the engagement is named in the body, not in the path: say which field names nothing
            boolean unknownEngagement = refused.getDetails()
                    .filter(RuleViolationDetails.class::isInstance)
                    .map(RuleViolationDetails.class::cast)
                    .filter(details -> details.kind() == RuleViolation.Kind.NOT_FOUND && "id".equals(details.field()))
                    .isPresent();
            if (unknownEngagement) {
                throw RuleViolation.notFound("engagementId", "No engagement with id " + body.engagementId());
            }
            throw refused;
        }
        return ResponseEntity.created(URI.create("/api/timesheets/" + timesheetId))
                .eTag(ETags.of(0))
                .body(new TimesheetCreated(timesheetId, 0));
    }

    @GetMapping
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List timesheets",
            description = "Timesheets newest week first, optionally of one engagement, one ISO week and in one"
                    + " status, a page at a time.")
    public Page<TimesheetView> list(
            @Parameter(description = "only timesheets of this engagement") @RequestParam(required = false)
            @Size(max = 200) String engagementId,
            @Parameter(description = "only timesheets of this ISO week, YYYY-Www", example = "2035-W12")
            @RequestParam(required = false) @Size(max = 20) String week,
            @Parameter(description = "only timesheets in this status") @RequestParam(required = false)
            TimesheetStatus status,
            @Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
            int page,
            @Parameter(description = "items per page") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
            int size) {
        String isoWeek = week == null ? null : IsoWeek.parse("week", week).toString();
        TimesheetPage found = gateways.query(new FindTimesheets(engagementId, isoWeek, status, page, size),
                ResponseTypes.instanceOf(TimesheetPage.class));
        return new Page<>(found.items(), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GetMapping("/{id}")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Read one timesheet",
            description = "The week's hours as they stand, its status, when it was submitted and decided, a"
                    + " dispute's reason and the corrections of an approved week, with the version as ETag;"
                    + " If-None-Match with that ETag answers 304 while nothing changed.")
    public ResponseEntity<TimesheetView> get(@PathVariable @ResourceId String id, WebRequest request) {
        TimesheetView timesheet = gateways.query(new FindTimesheet(id),
                        ResponseTypes.optionalInstanceOf(TimesheetView.class))
                .orElseThrow(() -> RuleViolation.notFound("id", "No timesheet with id " + id));
        return ETags.conditional(request, timesheet.version(), timesheet);
    }

    @PostMapping("/{id}/approve")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE})
    @Operation(summary = "Approve a week",
            description = "Records the client's approval of a submitted week: its hours are billed. Refused unless"
                    + " the week is SUBMITTED.")
    public ResponseEntity<CommandAccepted> approve(@PathVariable @ResourceId String id, @IfMatch Long version) {
        return gateways.accepted(id, new ApproveTimesheet(id, version));
    }

    @PostMapping("/{id}/dispute")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE})
    @Operation(summary = "Dispute a week",
            description = "Records the client's dispute of a submitted week, with the reason: nothing of it is"
                    + " billed until it is resubmitted and approved, and it no longer approves itself.")
    public ResponseEntity<CommandAccepted> dispute(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid DisputeTimesheetRequest body) {
        return gateways.accepted(id, new DisputeTimesheet(id, body.reason(), version));
    }

    @PostMapping("/{id}/resubmit")
    @Operation(summary = "Resubmit a disputed week",
            description = "Submits a DISPUTED week again with its hours as they now stand (every day of the week; a"
                    + " day left out is 0); it approves itself 7 days later unless disputed again.")
    public ResponseEntity<CommandAccepted> resubmit(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid ResubmitTimesheetRequest body) {
        return gateways.accepted(id, new ResubmitTimesheet(id, TimesheetDays.of(body.hours()), version));
    }

    @PostMapping("/{id}/corrections")
    @RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE})
    @Operation(summary = "Correct an approved week",
            description = "An approved week is final: a correction does not reopen it but records new hours for"
                    + " billing (every day of the week; a day left out is 0) with the reason, keeping the hours"
                    + " replaced. Refused unless the week is APPROVED, and when the hours are those already"
                    + " approved.")
    public ResponseEntity<CommandAccepted> correct(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid CorrectTimesheetRequest body) {
        return gateways.accepted(id, new CorrectTimesheet(id, TimesheetDays.of(body.hours()), body.reason(),
                version));
    }
}
