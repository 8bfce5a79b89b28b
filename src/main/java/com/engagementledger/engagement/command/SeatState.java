package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import java.time.LocalDate;

/**
 * What the engagement aggregate needs to know of one seat to decide on commands.
 */
record SeatState(String seatId, String professionalId, LocalDate startDate, LocalDate releaseDate,
                 RateSchedule rates) {

    boolean openOn(LocalDate day) {
        return !day.isBefore(startDate) && (releaseDate == null || day.isBefore(releaseDate));
    }

    /** Whether the seat is billed on any day from {@code day} on. */
    boolean billedOnOrAfter(LocalDate day) {
        return releaseDate == null || releaseDate.isAfter(day);
    }

    SeatState releasedOn(LocalDate date) {
        return new SeatState(seatId, professionalId, startDate, date, rates);
    }

    SeatState withRate(RateStep step) {
        return new SeatState(seatId, professionalId, startDate, releaseDate, rates.with(step));
    }
}
