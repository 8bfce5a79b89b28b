package com.engagementledger.engagement.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which seat is billed on which day, at what rate and with whom: the one rule the aggregate, the read model and
 * invoicing share.
 */
class SeatCalendarTest {

    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final CalendarSeat ANNA = new CalendarSeat("s1", "p1", "Anna", MAR_1, null,
            RateSchedule.startingAt(MAR_1, new BigDecimal("9000.00")));
    private static final CalendarSeat BRUNO = new CalendarSeat("s2", "p2", "Bruno", day(10), day(20),
            RateSchedule.startingAt(day(10), new BigDecimal("8000.00")));

    @Test
    void nothingIsBilledBeforeTheEngagementStarts() {
        SeatCalendar proposal = SeatCalendar.of(List.of(ANNA));
        assertThat(proposal.billedOn(day(5))).isEmpty();
        assertThat(proposal.startingOn(day(5)).billedOn(day(4))).isEmpty();
        assertThat(proposal.startingOn(day(5)).billedOn(day(5))).singleElement()
                .isEqualTo(new BilledSeatDay(day(5), "s1", "p1", "Anna", new BigDecimal("9000.00")));
    }

    @Test
    void aSeatIsBilledFromItsStartUntilTheDayBeforeItsRelease() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA, BRUNO)).startingOn(MAR_1);
        assertThat(calendar.billedOn(day(9))).extracting(BilledSeatDay::seatId).containsExactly("s1");
        assertThat(calendar.billedOn(day(10))).extracting(BilledSeatDay::seatId).containsExactly("s1", "s2");
        assertThat(calendar.billedOn(day(19))).extracting(BilledSeatDay::seatId).containsExactly("s1", "s2");
        assertThat(calendar.billedOn(day(20))).extracting(BilledSeatDay::seatId).containsExactly("s1");
    }

    @Test
    void everyPauseRemovesItsDaysAndTheResumeDayIsBilledAgain() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA)).startingOn(MAR_1)
                .pausedFrom(day(5)).resumedOn(day(8))
                .pausedFrom(day(15));
        assertThat(calendar.billedOn(day(4))).hasSize(1);
        assertThat(calendar.billedOn(day(5))).isEmpty();
        assertThat(calendar.billedOn(day(7))).isEmpty();
        assertThat(calendar.billedOn(day(8))).hasSize(1);
        assertThat(calendar.billedOn(day(15))).isEmpty();
        assertThat(calendar.billedOn(day(31))).as("an open pause lasts").isEmpty();
        assertThat(calendar.openPause()).contains(new PausePeriod(day(15), null));
        assertThat(calendar.lastClosedPause()).contains(new PausePeriod(day(5), day(8)));
        assertThat(calendar.billedBetween(MAR_1, day(31))).hasSize(4 + 7);
    }

    @Test
    void nothingIsBilledAfterTheLastDay() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA)).startingOn(MAR_1).endingAfter(day(12));
        assertThat(calendar.billedOn(day(12))).hasSize(1);
        assertThat(calendar.billedOn(day(13))).isEmpty();
    }

    @Test
    void eachDayCarriesTheRateInEffectThatDay() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA)).startingOn(MAR_1)
                .changingSeat("s1", seat -> seat.withRates(seat.rates()
                        .with(new RateStep(day(16), new BigDecimal("9900.00"), "rc-1"))));
        assertThat(calendar.billedOn(day(15)).get(0).rate()).isEqualByComparingTo("9000.00");
        assertThat(calendar.billedOn(day(16)).get(0).rate()).isEqualByComparingTo("9900.00");

        SeatCalendar withdrawn = calendar.withoutRateChange("rc-1");
        assertThat(withdrawn.billedOn(day(16)).get(0).rate()).isEqualByComparingTo("9000.00");
    }

    @Test
    void aWithdrawnSeatHasNoDayAtAll() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA, BRUNO)).startingOn(MAR_1).withoutSeat("s2");
        assertThat(calendar.seat("s2")).isEmpty();
        assertThat(calendar.billedBetween(MAR_1, day(31))).extracting(BilledSeatDay::seatId).containsOnly("s1");
    }

    @Test
    void aSeatStartingBeforeTheEngagementIsBilledFromTheEngagementsFirstDay() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA)).startingOn(day(10));
        assertThat(calendar.billedBetween(MAR_1, day(31))).hasSize(22);
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }
}
