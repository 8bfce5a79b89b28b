package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * A seat as the calendar sees it: who fills it, the days its own dates cover, and its rates over time.
 *
 * @param releaseDate the first day no longer billed; null while the seat is open-ended
 */
public record CalendarSeat(String seatId, String professionalId, String professionalName, LocalDate startDate,
                           LocalDate releaseDate, RateSchedule rates) {

    /** Whether the seat's own dates cover {@code day}, before pauses and the engagement's dates are considered. */
    public boolean openOn(LocalDate day) {
        return !day.isBefore(startDate) && (releaseDate == null || day.isBefore(releaseDate));
    }

    /** Whether the seat's own dates cover any day from {@code day} on. */
    public boolean openOnOrAfter(LocalDate day) {
        return releaseDate == null || releaseDate.isAfter(day);
    }

    /** Whether a rate from {@code day} can still apply: the seat is not released by then. */
    public boolean billableFrom(LocalDate day) {
        return releaseDate == null || day.isBefore(releaseDate);
    }

    public CalendarSeat releasedOn(LocalDate date) {
        return new CalendarSeat(seatId, professionalId, professionalName, startDate, date, rates);
    }

    public CalendarSeat withRates(RateSchedule next) {
        return new CalendarSeat(seatId, professionalId, professionalName, startDate, releaseDate, next);
    }
}
