package com.engagementledger.engagement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void eachDayNamesTheProfessionalWhoHeldTheSeatThatDay() {
        CalendarSeat swapped = ANNA.heldBy(new SeatHolder("p9", "Chiara", day(16)));
        SeatCalendar calendar = SeatCalendar.of(List.of(swapped)).startingOn(MAR_1);
        assertThat(calendar.billedOn(day(15))).singleElement()
                .isEqualTo(new BilledSeatDay(day(15), "s1", "p1", "Anna", new BigDecimal("9000.00")));
        assertThat(calendar.billedOn(day(16))).singleElement()
                .isEqualTo(new BilledSeatDay(day(16), "s1", "p9", "Chiara", new BigDecimal("9000.00")));
        assertThat(swapped.holders()).containsExactly(new SeatHolder("p1", "Anna", MAR_1),
                new SeatHolder("p9", "Chiara", day(16)));
        assertThat(swapped.heldUntil(swapped.holders().get(0))).isEqualTo(day(16));
        assertThat(swapped.heldUntil(swapped.lastHolder())).isNull();
        assertThat(swapped.holderOn(MAR_1.minusDays(3))).as("before the start, the first holder")
                .isEqualTo(new SeatHolder("p1", "Anna", MAR_1));
    }

    @Test
    void aProfessionalHoldsASeatOnlyUntilTheSwap() {
        CalendarSeat swapped = ANNA.heldBy(new SeatHolder("p9", "Chiara", day(16)));
        assertThat(swapped.heldByOnOrAfter("p1", day(15))).isTrue();
        assertThat(swapped.heldByOnOrAfter("p1", day(16))).isFalse();
        assertThat(swapped.heldByOnOrAfter("p9", day(2))).isTrue();
        assertThat(swapped.releasedOn(day(20)).heldByOnOrAfter("p9", day(20))).as("released").isFalse();
    }

    @Test
    void anOverlapBillsTheIncomingProfessionalsDaysBesideTheHoldersAtZeroWhenFree() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA)).startingOn(MAR_1)
                .changingSeat("s1", seat -> seat.withOverlap(new SeatOverlap("r1", "p9", "Chiara", day(10),
                        day(12), true)));
        assertThat(calendar.overlapDaysOn(day(9))).isEmpty();
        assertThat(calendar.overlapDaysBetween(MAR_1, day(31))).containsExactly(
                new OverlapSeatDay(day(10), "s1", "r1", "p9", "Chiara", BigDecimal.ZERO, true),
                new OverlapSeatDay(day(11), "s1", "r1", "p9", "Chiara", BigDecimal.ZERO, true),
                new OverlapSeatDay(day(12), "s1", "r1", "p9", "Chiara", BigDecimal.ZERO, true));
        assertThat(calendar.billedOn(day(11))).as("the holder stays billed").extracting(BilledSeatDay::professionalId)
                .containsExactly("p1");
    }

    @Test
    void aBillableOverlapDayIsPricedAtTheSeatsRateThatDayAndOnlyWhereTheSeatIsBilled() {
        SeatCalendar calendar = SeatCalendar.of(List.of(ANNA)).startingOn(MAR_1)
                .changingSeat("s1", seat -> seat.withRates(seat.rates()
                                .with(new RateStep(day(11), new BigDecimal("9900.00"), "rc-1")))
                        .withOverlap(new SeatOverlap("r1", "p9", "Chiara", day(10), day(14), false)))
                .pausedFrom(day(12)).resumedOn(day(14));
        assertThat(calendar.overlapDaysBetween(MAR_1, day(31)))
                .extracting(OverlapSeatDay::day, OverlapSeatDay::rate)
                .containsExactly(tuple(day(10), new BigDecimal("9000.00")),
                        tuple(day(11), new BigDecimal("9900.00")),
                        tuple(day(14), new BigDecimal("9900.00")));
    }

    @Test
    void anOverlapEndsWhereItRanAndIsRecordedOncePerReplacement() {
        CalendarSeat seat = ANNA.withOverlap(new SeatOverlap("r1", "p9", "Chiara", day(10), day(14), true));
        assertThat(seat.withOverlap(new SeatOverlap("r1", "p8", "Other", day(1), day(2), false)).overlaps())
                .as("a repeat keeps the first").containsExactly(seat.overlaps().get(0));
        assertThat(seat.overlapRanUntil("r1", day(11)).overlaps())
                .containsExactly(new SeatOverlap("r1", "p9", "Chiara", day(10), day(11), true));
        assertThat(seat.overlapRanUntil("r1", day(20)).overlaps()).as("never longer than scheduled")
                .containsExactly(seat.overlaps().get(0));
        assertThat(seat.overlapRanUntil("r1", null).overlaps()).as("no day ran").isEmpty();
        assertThat(seat.overlapRanUntil("r1", day(9)).overlaps()).as("ended before its first day").isEmpty();
        assertThat(seat.overlapRanUntil("r2", null).overlaps()).as("another replacement's")
                .containsExactly(seat.overlaps().get(0));
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }
}
