package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A seat as of today: whether it is billed today, its rate today (its starting rate if it starts later), the rate
 * changes still to come and the whole history.
 */
public record SeatView(String seatId, String professionalId, String professionalName, LocalDate startDate,
                       LocalDate releaseDate, boolean openToday, BigDecimal currentRate,
                       List<RateStep> scheduledRates, List<RateStep> rateHistory) {
}
