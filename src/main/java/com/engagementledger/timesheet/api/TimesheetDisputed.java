package com.engagementledger.timesheet.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A submitted week disputed: nothing of it is billed until it is resubmitted and approved.
 */
@Revision("1")
public record TimesheetDisputed(String timesheetId, String engagementId, String seatId, String week, String reason,
                                LocalDate disputedOn) {
}
