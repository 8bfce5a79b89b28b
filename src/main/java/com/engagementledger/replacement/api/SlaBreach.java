package com.engagementledger.replacement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A missed SLA: the business days after the due date until a candidate was accepted, the replacement withdrawn, or,
 * while neither happened, today; and the service credit they earn (zero for a billable replacement). Once the
 * credit is granted both figures are the granted ones; {@code fixed} says the figures no longer change.
 *
 * @param recordedOn the day the breach was recorded ({@link ReplacementSlaBreached}); null in the moments between
 *                   the due date's end and the deadline that records it
 */
public record SlaBreach(int businessDaysLate, BigDecimal creditAmount, String currency, boolean fixed,
                        LocalDate recordedOn) {
}
