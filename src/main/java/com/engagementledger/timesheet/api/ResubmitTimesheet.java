package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Submits a disputed week again, with its hours as they now stand (every day of the week; a day left out is 0).
 */
public record ResubmitTimesheet(@TargetAggregateIdentifier String timesheetId, Map<LocalDate, BigDecimal> hours,
                                @TargetAggregateVersion Long expectedVersion) {
}
