package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The hours of one seat on one day as last approved (or corrected after approval) on its week's timesheet.
 */
public record ApprovedHours(String seatId, LocalDate day, BigDecimal hours) {
}
