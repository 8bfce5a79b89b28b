package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;
import org.axonframework.serialization.Revision;

/**
 * A disputed week submitted again ({@code submission} 2 for the first resubmission, ...), with its hours as they
 * now stand; approved by itself on {@code autoApprovalOn} unless disputed first.
 */
@Revision("1")
public record TimesheetResubmitted(String timesheetId, String engagementId, String seatId, String week,
                                   SortedMap<LocalDate, BigDecimal> hours, BigDecimal totalHours, int submission,
                                   LocalDate resubmittedOn, LocalDate autoApprovalOn) {
}
