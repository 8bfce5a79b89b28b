package com.engagementledger.timesheet.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.time.Today;
import com.engagementledger.timesheet.api.ApproveTimesheet;
import com.engagementledger.timesheet.api.AutoApproval;
import com.engagementledger.timesheet.api.AutoApprovalDue;
import com.engagementledger.timesheet.api.CorrectTimesheet;
import com.engagementledger.timesheet.api.DisputeTimesheet;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.ResubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetApproved;
import com.engagementledger.timesheet.api.TimesheetCorrected;
import com.engagementledger.timesheet.api.TimesheetDisputed;
import com.engagementledger.timesheet.api.TimesheetHours;
import com.engagementledger.timesheet.api.TimesheetResubmitted;
import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetSubmission;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One seat's hours for one ISO week (DESIGN.md §3, Timesheets). The engagement opens it ({@code SubmitTimesheet},
 * ADR 0031), having checked the hours against its calendar; from then on the timesheet decides alone, checking later
 * hours against the days the seat was billed on submission. "Today" is the date in the engagement's zone.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Timesheet {

    private static final int MAX_REASON = 2000;

    @AggregateIdentifier
    private String timesheetId;
    private String engagementId;
    private String seatId;
    private IsoWeek week;
    private ZoneId zone;
    private Set<LocalDate> billedDays;
    private SortedMap<LocalDate, BigDecimal> hours;
    private TimesheetStatus status;
    private int submission;
    /** The day the current submission is approved by itself unless disputed. */
    private LocalDate autoApprovalOn;

    protected Timesheet() {
        // for Axon
    }

    /** Opened by the engagement only, in its unit of work (no command handler: nobody else can open one). */
    Timesheet(TimesheetSubmission submission) {
        apply(new TimesheetSubmitted(submission.timesheetId(), submission.engagementId(), submission.seatId(),
                submission.week(), submission.timeZone(), submission.hours(), total(submission.hours()),
                submission.billedDays(), submission.submittedOn(), AutoApproval.on(submission.submittedOn())));
    }

    @CommandHandler
    public long handle(ApproveTimesheet command, Clock clock, DeadlineManager deadlines) {
        requireStatus("approve", TimesheetStatus.SUBMITTED);
        deadlines.cancelAllWithinScope(AutoApproval.DEADLINE);
        apply(new TimesheetApproved(timesheetId, engagementId, seatId, week.toString(), hours, today(clock), false));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DisputeTimesheet command, Clock clock, DeadlineManager deadlines) {
        String reason = PlainText.text("reason", command.reason(), MAX_REASON);
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "required", "a dispute says why, so that the week can be resubmitted");
        }
        requireStatus("dispute", TimesheetStatus.SUBMITTED);
        deadlines.cancelAllWithinScope(AutoApproval.DEADLINE);
        apply(new TimesheetDisputed(timesheetId, engagementId, seatId, week.toString(), reason, today(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ResubmitTimesheet command, Clock clock, DeadlineManager deadlines) {
        requireStatus("resubmit", TimesheetStatus.DISPUTED);
        LocalDate today = today(clock);
        SortedMap<LocalDate, BigDecimal> checked = TimesheetHours.check(command.hours(), week, billedDays, today);
        int next = submission + 1;
        apply(new TimesheetResubmitted(timesheetId, engagementId, seatId, week.toString(), checked, total(checked),
                next, today, AutoApproval.on(today)));
        deadlines.schedule(AutoApproval.at(today, zone), AutoApproval.DEADLINE, new AutoApprovalDue(next));
        return AggregateLifecycle.getVersion();
    }

    /**
     * An approved week is final: a correction does not reopen it but is recorded as what it is, with a reason, and
     * replaces the hours billing uses. Hours equal to the approved ones would record nothing and are refused.
     */
    @CommandHandler
    public long handle(CorrectTimesheet command, Clock clock) {
        String reason = PlainText.text("reason", command.reason(), MAX_REASON);
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "required", "a correction of an approved week says why");
        }
        if (status != TimesheetStatus.APPROVED) {
            throw RuleViolation.illegalState("status", "Cannot correct timesheet " + timesheetId + ": it is "
                    + status + " (only an APPROVED week is corrected; a submitted one is disputed and resubmitted)");
        }
        SortedMap<LocalDate, BigDecimal> checked = TimesheetHours.check(command.hours(), week, billedDays,
                today(clock));
        if (withoutZeros(checked).equals(withoutZeros(hours))) {
            throw RuleViolation.invalid("hours", "unchanged", "these are the hours already approved for week " + week);
        }
        apply(new TimesheetCorrected(timesheetId, engagementId, seatId, week.toString(), checked, hours, reason,
                today(clock)));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Approves the submission the deadline was set for if it is still waiting; a dispute, an approval or a newer
     * submission since makes it a no-op. Its event carries the system as actor (the deadline's unit of work).
     */
    @DeadlineHandler(deadlineName = AutoApproval.DEADLINE)
    public void onAutoApprovalDue(AutoApprovalDue due) {
        if (status != TimesheetStatus.SUBMITTED || due.submission() != submission) {
            return;
        }
        apply(new TimesheetApproved(timesheetId, engagementId, seatId, week.toString(), hours, autoApprovalOn, true),
                MetaData.with(AuditMetadata.REASON, "not disputed within " + AutoApproval.DAYS
                        + " days of its submission"));
    }

    @EventSourcingHandler
    void on(TimesheetSubmitted event) {
        timesheetId = event.timesheetId();
        engagementId = event.engagementId();
        seatId = event.seatId();
        week = IsoWeek.parse("week", event.week());
        zone = ZoneId.of(event.timeZone());
        billedDays = new HashSet<>(event.billedDays());
        hours = new TreeMap<>(event.hours());
        status = TimesheetStatus.SUBMITTED;
        submission = 1;
        autoApprovalOn = event.autoApprovalOn();
    }

    @EventSourcingHandler
    void on(TimesheetResubmitted event) {
        hours = new TreeMap<>(event.hours());
        status = TimesheetStatus.SUBMITTED;
        submission = event.submission();
        autoApprovalOn = event.autoApprovalOn();
    }

    @EventSourcingHandler
    void on(TimesheetDisputed event) {
        status = TimesheetStatus.DISPUTED;
    }

    @EventSourcingHandler
    void on(TimesheetApproved event) {
        status = TimesheetStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(TimesheetCorrected event) {
        hours = new TreeMap<>(event.hours());
    }

    /**
     * The hours billing uses: the last approved ones, or the correction since; empty while the week is submitted or
     * disputed (nothing is billed before approval).
     */
    SortedMap<LocalDate, BigDecimal> approvedHours() {
        return status == TimesheetStatus.APPROVED ? new TreeMap<>(hours) : new TreeMap<>();
    }

    private LocalDate today(Clock clock) {
        return Today.in(clock, zone);
    }

    private void requireStatus(String action, TimesheetStatus allowed) {
        if (status != allowed) {
            throw RuleViolation.illegalState("status", "Cannot " + action + " timesheet " + timesheetId + ": it is "
                    + status + " (only when " + allowed + ")");
        }
    }

    static BigDecimal total(SortedMap<LocalDate, BigDecimal> hours) {
        return hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static List<Object> withoutZeros(SortedMap<LocalDate, BigDecimal> hours) {
        return hours.entrySet().stream().filter(entry -> entry.getValue().signum() != 0)
                .map(entry -> (Object) List.of(entry.getKey(), entry.getValue().stripTrailingZeros()))
                .toList();
    }
}
