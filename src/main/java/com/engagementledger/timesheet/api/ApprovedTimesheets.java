package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * What billing asks of the timesheet feature while the engagement computes an invoice: the hours of a seat's week as
 * last approved, or as corrected after approval. Nothing (an empty map) for a week not submitted, or submitted and
 * not approved yet, or disputed: only approved hours are billed.
 */
public interface ApprovedTimesheets {

    SortedMap<LocalDate, BigDecimal> approvedHours(String timesheetId);
}
