package com.engagementledger.engagement.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A seat as the calendar sees it: who held it on which day, the days its own dates cover, its rates over time and
 * the overlaps of its replacements.
 *
 * @param holders     every holder, earliest first; the first from {@code startDate}
 * @param releaseDate the first day no longer billed; null while the seat is open-ended
 * @param overlaps    the overlaps recorded for its replacements, earliest first
 */
public record CalendarSeat(String seatId, List<SeatHolder> holders, LocalDate startDate, LocalDate releaseDate,
                           RateSchedule rates, List<SeatOverlap> overlaps) {

    public CalendarSeat {
        holders = List.copyOf(holders);
        overlaps = List.copyOf(overlaps);
        if (holders.isEmpty()) {
            throw new IllegalArgumentException("seat " + seatId + " has no holder");
        }
    }

    /** A seat as added: one professional holds it from its start, with no overlap yet. */
    public CalendarSeat(String seatId, String professionalId, String professionalName, LocalDate startDate,
                        LocalDate releaseDate, RateSchedule rates) {
        this(seatId, List.of(new SeatHolder(professionalId, professionalName, startDate)), startDate, releaseDate,
                rates, List.of());
    }

    /** Who holds the seat on {@code day}: the latest holder from on or before it (the first one before the start). */
    public SeatHolder holderOn(LocalDate day) {
        SeatHolder holder = holders.get(0);
        for (SeatHolder next : holders) {
            if (next.from().isAfter(day)) {
                break;
            }
            holder = next;
        }
        return holder;
    }

    /** Who holds the seat from its last swap on. */
    public SeatHolder lastHolder() {
        return holders.get(holders.size() - 1);
    }

    /**
     * The day after {@code holder} stops holding the seat (the next holder's first day), or null while it holds it
     * to the end.
     */
    public LocalDate heldUntil(SeatHolder holder) {
        int index = holders.indexOf(holder);
        return index < holders.size() - 1 ? holders.get(index + 1).from() : null;
    }

    /** Whether {@code professionalId} holds the seat on any day from {@code day} on that the seat's dates cover. */
    public boolean heldByOnOrAfter(String professionalId, LocalDate day) {
        return openOnOrAfter(day) && holders.stream()
                .filter(holder -> holder.professionalId().equals(professionalId))
                .anyMatch(holder -> heldUntil(holder) == null || heldUntil(holder).isAfter(day));
    }

    public Optional<SeatOverlap> overlap(String replacementId) {
        return overlaps.stream().filter(overlap -> overlap.replacementId().equals(replacementId)).findFirst();
    }

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
        return new CalendarSeat(seatId, holders, startDate, date, rates, overlaps);
    }

    public CalendarSeat withRates(RateSchedule next) {
        return new CalendarSeat(seatId, holders, startDate, releaseDate, next, overlaps);
    }

    /** Held by {@code holder} from its first day on; a holder recorded for the same day is replaced. */
    public CalendarSeat heldBy(SeatHolder holder) {
        List<SeatHolder> next = new ArrayList<>(holders.stream()
                .filter(existing -> !existing.from().equals(holder.from()))
                .toList());
        next.add(holder);
        next.sort(Comparator.comparing(SeatHolder::from));
        return new CalendarSeat(seatId, next, startDate, releaseDate, rates, overlaps);
    }

    /** With the overlap of one more replacement; an overlap already recorded for it stays as it is. */
    public CalendarSeat withOverlap(SeatOverlap overlap) {
        if (overlap(overlap.replacementId()).isPresent()) {
            return this;
        }
        List<SeatOverlap> next = new ArrayList<>(overlaps);
        next.add(overlap);
        next.sort(Comparator.comparing(SeatOverlap::from));
        return new CalendarSeat(seatId, holders, startDate, releaseDate, rates, next);
    }

    /** With the overlap of {@code replacementId} ending after {@code lastDay}, or gone when no day of it ran. */
    public CalendarSeat overlapRanUntil(String replacementId, LocalDate lastDay) {
        List<SeatOverlap> next = overlaps.stream()
                .map(overlap -> overlap.replacementId().equals(replacementId) ? overlap.ranUntil(lastDay)
                        : Optional.of(overlap))
                .flatMap(Optional::stream)
                .toList();
        return new CalendarSeat(seatId, holders, startDate, releaseDate, rates, next);
    }
}
