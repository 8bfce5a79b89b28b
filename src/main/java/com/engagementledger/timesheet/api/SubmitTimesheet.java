package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submits the hours of one seat of an {@code HOURLY} engagement for one ISO week. The engagement handles it: it
 * owns the seat calendar that says on which days the seat is billed (ADR 0031). The result is the timesheet's id.
 *
 * @param week  {@code YYYY-Www}
 * @param hours hours by day of that week; a day left out is 0
 */
public record SubmitTimesheet(@TargetAggregateIdentifier String engagementId, String seatId, String week,
                              Map<LocalDate, BigDecimal> hours) {
}
