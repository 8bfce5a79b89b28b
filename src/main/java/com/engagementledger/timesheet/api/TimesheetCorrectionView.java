package com.engagementledger.timesheet.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * A correction of an approved week, as recorded: the hours it replaced and why.
 */
public record TimesheetCorrectionView(LocalDate correctedOn, String reason,
                                      SortedMap<LocalDate, BigDecimal> previousHours, BigDecimal previousTotalHours) {
}
