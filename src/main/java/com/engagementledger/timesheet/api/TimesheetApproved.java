package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;
import org.axonframework.serialization.Revision;

/**
 * A week approved, by a user or by itself ({@code automatic}) when not disputed in time: its hours are billed.
 * The hours are those approved, so that billing needs no other event of the timesheet to price the week.
 */
@Revision("1")
public record TimesheetApproved(String timesheetId, String engagementId, String seatId, String week,
                                SortedMap<LocalDate, BigDecimal> hours, LocalDate approvedOn, boolean automatic) {
}
