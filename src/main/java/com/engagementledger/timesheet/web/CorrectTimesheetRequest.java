package com.engagementledger.timesheet.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The corrected hours of an approved week, by day of the week (a day left out is 0), and why they change.
 */
public record CorrectTimesheetRequest(@NotNull @Size(max = 7) Map<String, BigDecimal> hours,
                                      @NotBlank @Size(min = 1, max = 2000) String reason) {
}
