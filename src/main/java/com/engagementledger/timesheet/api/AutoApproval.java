package com.engagementledger.timesheet.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

/**
 * A timesheet not disputed within {@link #DAYS} days of its (re)submission is approved by itself: at the start of
 * the {@link #DAYS}th day after the submission day, in the engagement's zone. The deadline carries the number of the
 * submission it was set for ({@link AutoApprovalDue}), so one left over from an earlier submission approves nothing.
 */
public final class AutoApproval {

    public static final String DEADLINE = "timesheet-auto-approval";
    public static final int DAYS = 7;

    private AutoApproval() {
    }

    public static LocalDate on(LocalDate submittedOn) {
        return submittedOn.plusDays(DAYS);
    }

    public static Instant at(LocalDate submittedOn, ZoneId zone) {
        return on(submittedOn).atStartOfDay(zone).toInstant();
    }

    /** The scope of a timesheet's deadline, for the engagement, which schedules the first one as it submits. */
    public static ScopeDescriptor scope(String timesheetId) {
        return new AggregateScopeDescriptor("Timesheet", timesheetId);
    }
}
