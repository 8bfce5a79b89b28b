package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * What the engagement hands over when it opens a seat's timesheet for a week: the checked hours and everything the
 * timesheet needs to decide on its own later, the engagement's zone and the days of the week the seat was billed.
 */
public record TimesheetSubmission(String timesheetId, String engagementId, String seatId, String week,
                                  String timeZone, SortedMap<LocalDate, BigDecimal> hours,
                                  List<LocalDate> billedDays, LocalDate submittedOn) {
}
