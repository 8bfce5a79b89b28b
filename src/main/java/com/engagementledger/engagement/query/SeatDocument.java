package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.engagement.api.SeatOverlap;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A seat inside an engagement document, with its whole rate schedule and holder history (who works in it depends on
 * the day asked). {@code professionalId} and {@code professionalName} name its first holder; a document stored
 * before holders and overlaps were recorded reads as held by that one professional throughout, with no overlap.
 *
 * @param openReplacementId the replacement that holds the seat open; null when none does
 */
public record SeatDocument(String seatId, String professionalId, String professionalName, LocalDate startDate,
                           LocalDate releaseDate, List<RateStep> rates, List<SeatHolder> holders,
                           List<SeatOverlap> overlaps, String openReplacementId) {

    public SeatDocument {
        holders = holders != null ? List.copyOf(holders)
                : List.of(new SeatHolder(professionalId, professionalName, startDate));
        overlaps = overlaps != null ? List.copyOf(overlaps) : List.of();
    }

    /** The seat as the calendar sees it. */
    CalendarSeat calendarSeat() {
        return new CalendarSeat(seatId, holders, startDate, releaseDate, new RateSchedule(rates), overlaps);
    }

    /** The document of {@code seat}, held open by {@code openReplacementId} (or by none when null). */
    static SeatDocument of(CalendarSeat seat, String openReplacementId) {
        SeatHolder first = seat.holders().get(0);
        return new SeatDocument(seat.seatId(), first.professionalId(), first.professionalName(), seat.startDate(),
                seat.releaseDate(), seat.rates().steps(), seat.holders(), seat.overlaps(), openReplacementId);
    }

    /** The same seat changed as the calendar changes it, still held open by the same replacement. */
    SeatDocument changed(UnaryOperator<CalendarSeat> change) {
        return of(change.apply(calendarSeat()), openReplacementId);
    }

    SeatDocument heldOpenBy(String replacementId) {
        return of(calendarSeat(), replacementId);
    }
}
