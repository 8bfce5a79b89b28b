package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.RateStep;
import java.time.LocalDate;
import java.util.List;

/**
 * A seat inside an engagement document, with its whole rate schedule (the current rate depends on the day asked).
 */
public record SeatDocument(String seatId, String professionalId, String professionalName, LocalDate startDate,
                           LocalDate releaseDate, List<RateStep> rates) {
}
