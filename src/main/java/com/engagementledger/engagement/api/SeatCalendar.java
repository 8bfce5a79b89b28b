package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which seats of one engagement are billed on which day, with which professional and at what rate, and which
 * overlap days of replacements come with them. A seat is billed on a day when the engagement has started by then
 * (its trial or its activation), the day is not after the last day, no pause covers it, and the seat's own dates
 * cover it; the professional is the one who held the seat that day. The aggregate decides commands with it, the read model
 * answers "who works today" with it, and invoicing prices days with it, so that the rule exists once.
 *
 * @param firstBilledDay the engagement's first billed day; null until it starts
 * @param lastDay        the last billed day once notice is given; null before
 * @param pauses         every pause, oldest first; the last one may have no resume yet
 */
public record SeatCalendar(LocalDate firstBilledDay, LocalDate lastDay, List<CalendarSeat> seats,
                           List<PausePeriod> pauses) {

    public SeatCalendar {
        seats = List.copyOf(seats);
        pauses = List.copyOf(pauses);
    }

    public static SeatCalendar of(List<CalendarSeat> seats) {
        return new SeatCalendar(null, null, seats, List.of());
    }

    public SeatCalendar startingOn(LocalDate day) {
        return new SeatCalendar(day, lastDay, seats, pauses);
    }

    public SeatCalendar endingAfter(LocalDate day) {
        return new SeatCalendar(firstBilledDay, day, seats, pauses);
    }

    public SeatCalendar withSeat(CalendarSeat seat) {
        List<CalendarSeat> next = new ArrayList<>(seats);
        next.add(seat);
        return new SeatCalendar(firstBilledDay, lastDay, next, pauses);
    }

    /** Without a withdrawn seat: it was never billed, so no day of it is left to show. */
    public SeatCalendar withoutSeat(String seatId) {
        return new SeatCalendar(firstBilledDay, lastDay,
                seats.stream().filter(seat -> !seat.seatId().equals(seatId)).toList(), pauses);
    }

    public SeatCalendar changingSeat(String seatId, UnaryOperator<CalendarSeat> change) {
        return new SeatCalendar(firstBilledDay, lastDay,
                seats.stream().map(seat -> seat.seatId().equals(seatId) ? change.apply(seat) : seat).toList(),
                pauses);
    }

    public SeatCalendar withoutRateChange(String rateChangeId) {
        return new SeatCalendar(firstBilledDay, lastDay,
                seats.stream().map(seat -> seat.withRates(seat.rates().without(rateChangeId))).toList(), pauses);
    }

    public SeatCalendar pausedFrom(LocalDate day) {
        List<PausePeriod> next = new ArrayList<>(pauses);
        next.add(new PausePeriod(day, null));
        return new SeatCalendar(firstBilledDay, lastDay, seats, next);
    }

    /** Closes the open pause; billing is back from {@code day}. */
    public SeatCalendar resumedOn(LocalDate day) {
        List<PausePeriod> next = new ArrayList<>(pauses);
        PausePeriod open = next.remove(next.size() - 1);
        next.add(new PausePeriod(open.from(), day));
        return new SeatCalendar(firstBilledDay, lastDay, seats, next);
    }

    /** Drops the open pause, as if it had never been recorded. */
    public SeatCalendar withoutOpenPause() {
        return new SeatCalendar(firstBilledDay, lastDay, seats, pauses.subList(0, pauses.size() - 1));
    }

    /** Opens the last pause again: its resume is no longer recorded. */
    public SeatCalendar withoutLastResume() {
        List<PausePeriod> next = new ArrayList<>(pauses);
        PausePeriod closed = next.remove(next.size() - 1);
        next.add(new PausePeriod(closed.from(), null));
        return new SeatCalendar(firstBilledDay, lastDay, seats, next);
    }

    public Optional<CalendarSeat> seat(String seatId) {
        return seats.stream().filter(seat -> seat.seatId().equals(seatId)).findFirst();
    }

    /** The pause that has no resume yet, if any (it may start in the future). */
    public Optional<PausePeriod> openPause() {
        return pauses.isEmpty() || pauses.get(pauses.size() - 1).until() != null ? Optional.empty()
                : Optional.of(pauses.get(pauses.size() - 1));
    }

    /** The latest pause that has a resume, if any. */
    public Optional<PausePeriod> lastClosedPause() {
        for (int i = pauses.size() - 1; i >= 0; i--) {
            if (pauses.get(i).until() != null) {
                return Optional.of(pauses.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean pausedOn(LocalDate day) {
        return pauses.stream().anyMatch(pause -> pause.covers(day));
    }

    /** Whether the engagement as a whole bills {@code day}: started by then, not past its last day, not paused. */
    public boolean runsOn(LocalDate day) {
        return firstBilledDay != null && !day.isBefore(firstBilledDay)
                && (lastDay == null || !day.isAfter(lastDay))
                && !pausedOn(day);
    }

    public boolean billedOn(CalendarSeat seat, LocalDate day) {
        return runsOn(day) && seat.openOn(day);
    }

    /** Every seat billed on {@code day}, with the professional who held it that day and its rate that day. */
    public List<BilledSeatDay> billedOn(LocalDate day) {
        return seats.stream()
                .filter(seat -> billedOn(seat, day))
                .map(seat -> {
                    SeatHolder holder = seat.holderOn(day);
                    return new BilledSeatDay(day, seat.seatId(), holder.professionalId(), holder.professionalName(),
                            seat.rates().rateOn(day).orElseThrow());
                })
                .toList();
    }

    /** Every seat billed on each day from {@code from} to {@code to}, both included, day by day. */
    public List<BilledSeatDay> billedBetween(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).flatMap(day -> billedOn(day).stream()).toList();
    }

    /**
     * The incoming professionals' overlap days on {@code day}: only where the seat is billed that day (a pause or
     * the seat's end takes the day from the overlap too), at 0 for a free replacement, else at the seat's rate.
     */
    public List<OverlapSeatDay> overlapDaysOn(LocalDate day) {
        return seats.stream()
                .filter(seat -> billedOn(seat, day))
                .flatMap(seat -> seat.overlaps().stream()
                        .filter(overlap -> overlap.covers(day))
                        .map(overlap -> new OverlapSeatDay(day, seat.seatId(), overlap.replacementId(),
                                overlap.professionalId(), overlap.professionalName(),
                                overlap.zeroRated() ? BigDecimal.ZERO : seat.rates().rateOn(day).orElseThrow(),
                                overlap.zeroRated())))
                .toList();
    }

    /** The overlap days from {@code from} to {@code to}, both included, day by day. */
    public List<OverlapSeatDay> overlapDaysBetween(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).flatMap(day -> overlapDaysOn(day).stream()).toList();
    }
}
