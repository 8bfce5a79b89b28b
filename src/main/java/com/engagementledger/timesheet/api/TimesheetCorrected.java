package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;
import org.axonframework.serialization.Revision;

/**
 * The hours of an approved week corrected, with a reason: from now on billing prices the week with {@code hours};
 * a day of it in an issued period is billing's to settle (ADR 0031). {@code previousHours} are the hours replaced.
 */
@Revision("1")
public record TimesheetCorrected(String timesheetId, String engagementId, String seatId, String week,
                                 SortedMap<LocalDate, BigDecimal> hours, SortedMap<LocalDate, BigDecimal> previousHours,
                                 String reason, LocalDate correctedOn) {
}
