package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One billed day of a seat on which the incoming professional of replacement {@code replacementId} also worked, in
 * its overlap: priced at {@code rate}, 0 for a free replacement ({@code zeroRated}), else the seat's rate that day.
 * The seat's holder is billed for the same day as a {@link BilledSeatDay}.
 */
public record OverlapSeatDay(LocalDate day, String seatId, String replacementId, String professionalId,
                             String professionalName, BigDecimal rate, boolean zeroRated) {
}
