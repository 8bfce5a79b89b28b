package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Corrects the hours of an approved week, with a reason (ADR 0031): the approval stands, the correction is a new
 * event that replaces the week's hours for billing.
 */
public record CorrectTimesheet(@TargetAggregateIdentifier String timesheetId, Map<LocalDate, BigDecimal> hours,
                               String reason, @TargetAggregateVersion Long expectedVersion) {
}
