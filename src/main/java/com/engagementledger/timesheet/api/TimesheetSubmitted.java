package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.axonframework.serialization.Revision;

/**
 * A seat's hours for a week, submitted; approved by itself on {@code autoApprovalOn} unless disputed first.
 *
 * @param billedDays the days of the week the engagement billed the seat on submission: later hours are checked
 *                   against them
 */
@Revision("1")
public record TimesheetSubmitted(String timesheetId, String engagementId, String seatId, String week,
                                 String timeZone, SortedMap<LocalDate, BigDecimal> hours, BigDecimal totalHours,
                                 List<LocalDate> billedDays, LocalDate submittedOn, LocalDate autoApprovalOn) {
}
