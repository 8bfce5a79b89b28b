package com.engagementledger.timesheet.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Disputes a submitted week, with the reason the submitter needs to resubmit it.
 */
public record DisputeTimesheet(@TargetAggregateIdentifier String timesheetId, String reason,
                               @TargetAggregateVersion Long expectedVersion) {
}
