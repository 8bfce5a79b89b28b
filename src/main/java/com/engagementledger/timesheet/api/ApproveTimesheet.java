package com.engagementledger.timesheet.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Approves a submitted week.
 *
 * @param expectedVersion the timesheet's version the caller saw (from {@code If-Match}); null to skip the check
 */
public record ApproveTimesheet(@TargetAggregateIdentifier String timesheetId,
                               @TargetAggregateVersion Long expectedVersion) {
}
