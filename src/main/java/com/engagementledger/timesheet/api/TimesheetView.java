package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * A seat's week as the read model has it (DESIGN.md §5). {@code hours} are the hours as they stand: the last
 * submission's, or the last correction's once approved and corrected; every day of the week is listed, 0 where none.
 *
 * @param submittedAt       when the current submission (the first or the last resubmission) was recorded
 * @param submission        1 for the first submission, 2 after the first resubmission, ...
 * @param autoApprovalOn    the day the current submission is approved by itself unless disputed first; null once
 *                          decided
 * @param decidedAt         when the current submission was approved or disputed; null while {@code SUBMITTED}
 * @param approvedOn        the day it was approved; null unless {@code APPROVED}
 * @param approvedAutomatically true when nobody disputed it in time and it approved itself
 * @param disputeReason     why the current submission was disputed; null unless {@code DISPUTED}
 * @param corrections       the corrections of the approved week, oldest first
 * @param version           the sequence number of the timesheet's last event; the {@code ETag} of the resource
 */
public record TimesheetView(String timesheetId, String engagementId, String seatId, String week,
                            TimesheetStatus status, SortedMap<LocalDate, BigDecimal> hours, BigDecimal totalHours,
                            Instant submittedAt, int submission, LocalDate autoApprovalOn, Instant decidedAt,
                            LocalDate approvedOn, Boolean approvedAutomatically, String disputeReason,
                            List<TimesheetCorrectionView> corrections, long version) {
}
