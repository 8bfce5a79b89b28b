package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A seat as of today: whether a professional works in it today (the engagement has started and runs, today is in
 * no pause, and the seat's dates cover it), its rate today (its starting rate if it starts later), the rate
 * changes still to come and the whole history. {@code firstBilledDay} is the later of its start and the
 * engagement's first billed day, null until the engagement is active or in trial. Rate changes from on or after the
 * seat's release never apply and are not listed as scheduled, nor are any once the engagement was cancelled or its
 * trial rejected. {@code professionalId} and {@code professionalName} name today's holder; {@code holders} every
 * holder, earliest first, and {@code overlaps} the days incoming professionals of its replacements worked beside
 * them.
 *
 * @param openReplacementId the replacement that holds the seat open; null when none does
 */
public record SeatView(String seatId, String professionalId, String professionalName, LocalDate startDate,
                       LocalDate firstBilledDay, LocalDate releaseDate, boolean heldToday, BigDecimal currentRate,
                       List<RateStep> scheduledRates, List<RateStep> rateHistory, List<SeatHolderView> holders,
                       List<SeatOverlap> overlaps, String openReplacementId) {
}
