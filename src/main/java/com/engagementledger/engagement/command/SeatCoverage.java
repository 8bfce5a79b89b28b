package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * While the engagement runs, every day from a release (or a withdrawn seat's start) to the engagement's last billed
 * day has a seat. When no other seat covers as long as the seat taken away did (until the notice's last day, or
 * open-ended), it is the engagement's last seat ({@code last-seat}: the engagement ends with notice, not with a
 * release); when other seats do but leave days in between without any seat, it is a {@code seat-gap}.
 */
final class SeatCoverage {

    private SeatCoverage() {
    }

    /**
     * @param seat the seat released or withdrawn
     * @param from the first day it no longer covers: its release date, or for a withdrawal its start
     */
    static void check(SeatCalendar calendar, CalendarSeat seat, LocalDate from, EngagementStatus status) {
        List<CalendarSeat> remaining = calendar.seats().stream()
                .filter(other -> !other.seatId().equals(seat.seatId()))
                .toList();
        LocalDate until = coveredUntil(calendar, seat);
        if (remaining.stream().noneMatch(other -> !coveredUntil(calendar, other).isBefore(until))) {
            throw RuleViolation.illegalState("last-seat", "Seat " + seat.seatId()
                    + " is the engagement's last seat from " + from + "; give notice to end the engagement"
                    + (status == EngagementStatus.PROPOSED ? " (or cancel the proposal)" : "")
                    + ", or add the seat that replaces it first");
        }
        LocalDate day = calendar.firstBilledDay() != null && calendar.firstBilledDay().isAfter(from)
                ? calendar.firstBilledDay() : from;
        while (day.isBefore(until)) {
            LocalDate current = day;
            Optional<CalendarSeat> covering = remaining.stream()
                    .filter(other -> other.openOn(current))
                    .max(Comparator.comparing(other -> coveredUntil(calendar, other)));
            if (covering.isEmpty()) {
                LocalDate next = remaining.stream().map(CalendarSeat::startDate)
                        .filter(start -> start.isAfter(current))
                        .min(Comparator.naturalOrder()).orElseThrow();
                throw RuleViolation.illegalState("seat-gap", "Without seat " + seat.seatId() + " no seat is billed"
                        + " from " + current + " to " + next.minusDays(1) + "; add a seat for those days first,"
                        + " or release it later");
            }
            day = coveredUntil(calendar, covering.get());
        }
    }

    /** The first day the seat no longer covers: its release, the day after the notice's last day, or never. */
    private static LocalDate coveredUntil(SeatCalendar calendar, CalendarSeat seat) {
        LocalDate end = seat.releaseDate() != null ? seat.releaseDate() : LocalDate.MAX;
        return calendar.lastDay() != null && calendar.lastDay().plusDays(1).isBefore(end)
                ? calendar.lastDay().plusDays(1) : end;
    }
}
