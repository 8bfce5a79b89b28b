package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One seat billed on one day, with the professional who fills it and the rate in effect that day.
 */
public record BilledSeatDay(LocalDate day, String seatId, String professionalId, String professionalName,
                            BigDecimal rate) {
}
