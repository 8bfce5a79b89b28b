package com.engagementledger.timesheet.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The hours of a disputed week as they now stand, by day of the week; a day left out is 0.
 */
public record ResubmitTimesheetRequest(@NotNull @Size(max = 7) Map<String, BigDecimal> hours) {
}
