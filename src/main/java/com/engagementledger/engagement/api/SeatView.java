package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A seat as of today: whether a professional works in it today (the engagement has started and runs, today is in
 * no pause, and the seat's dates cover it), its rate today (its starting rate if it starts later), the rate
 * changes still to come and the whole history.
 */
public record SeatView(String seatId, String professionalId, String professionalName, LocalDate startDate,
                       LocalDate releaseDate, boolean heldToday, BigDecimal currentRate,
                       List<RateStep> scheduledRates, List<RateStep> rateHistory) {
}
