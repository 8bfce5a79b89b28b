package com.engagementledger.engagement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

    private static final LocalDate START = LocalDate.of(2025, 3, 10);
    private static final BigDecimal START_RATE = new BigDecimal("8000.00");
    private static final LocalDate RAISE = LocalDate.of(2025, 5, 1);
    private static final BigDecimal RAISED_RATE = new BigDecimal("9000.00");

    private final RateSchedule schedule = RateSchedule.startingAt(START, START_RATE)
            .with(new RateStep(RAISE, RAISED_RATE, null));

    @Test
    void thereIsNoRateBeforeTheFirstStep() {
        assertThat(schedule.rateOn(START.minusDays(1))).isEmpty();
    }

    @Test
    void stepAppliesFromItsEffectiveDate() {
        assertThat(schedule.rateOn(START)).contains(START_RATE);
        assertThat(schedule.rateOn(RAISE)).contains(RAISED_RATE);
    }

    @Test
    void rateHoldsUntilTheDayBeforeTheNextStep() {
        assertThat(schedule.rateOn(LocalDate.of(2025, 4, 15))).contains(START_RATE);
        assertThat(schedule.rateOn(RAISE.minusDays(1))).contains(START_RATE);
    }

    @Test
    void lastStepHoldsIndefinitely() {
        assertThat(schedule.rateOn(LocalDate.of(2030, 1, 1))).contains(RAISED_RATE);
    }

    @Test
    void laterStepForTheSameDateReplacesTheEarlierOne() {
        RateSchedule corrected = schedule.with(new RateStep(RAISE, new BigDecimal("9500.00"), null));

        assertThat(corrected.steps()).containsExactly(
                new RateStep(START, START_RATE, null),
                new RateStep(RAISE, new BigDecimal("9500.00"), null));
        assertThat(corrected.rateOn(RAISE)).contains(new BigDecimal("9500.00"));
    }

    @Test
    void stepOnTheStartDateReplacesTheStartingRate() {
        RateSchedule corrected = schedule.with(new RateStep(START, new BigDecimal("8200.00"), null));

        assertThat(corrected.rateOn(START)).contains(new BigDecimal("8200.00"));
        assertThat(corrected.steps()).hasSize(2);
    }

    @Test
    void stepsAddedOutOfOrderAreKeptInDateOrder() {
        LocalDate earlier = LocalDate.of(2025, 4, 1);
        RateSchedule withEarlier = schedule.with(new RateStep(earlier, new BigDecimal("8500.00"), null));

        assertThat(withEarlier.steps()).extracting(RateStep::effectiveDate).containsExactly(START, earlier, RAISE);
        assertThat(withEarlier.rateOn(LocalDate.of(2025, 4, 15))).contains(new BigDecimal("8500.00"));
        assertThat(withEarlier.rateOn(RAISE)).contains(RAISED_RATE);
    }

    @Test
    void addingAStepLeavesTheOriginalScheduleUnchanged() {
        schedule.with(new RateStep(RAISE, new BigDecimal("9500.00"), null));

        assertThat(schedule.steps()).containsExactly(new RateStep(START, START_RATE, null), new RateStep(RAISE, RAISED_RATE, null));
    }

    @Test
    void scheduleIsACopyOfTheStepsItWasGiven() {
        List<RateStep> steps = new ArrayList<>(List.of(new RateStep(START, START_RATE, null)));
        RateSchedule copied = new RateSchedule(steps);
        steps.add(new RateStep(RAISE, RAISED_RATE, null));

        assertThat(copied.steps()).containsExactly(new RateStep(START, START_RATE, null));
        assertThatThrownBy(() -> copied.steps().add(new RateStep(RAISE, RAISED_RATE, null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void scheduledAfterListsOnlyStepsTakingEffectLater() {
        assertThat(schedule.scheduledAfter(START)).containsExactly(new RateStep(RAISE, RAISED_RATE, null));
        assertThat(schedule.scheduledAfter(RAISE.minusDays(1))).containsExactly(new RateStep(RAISE, RAISED_RATE, null));
    }

    @Test
    void stepTakingEffectOnTheDayIsNotScheduledAfterIt() {
        assertThat(schedule.scheduledAfter(RAISE)).isEmpty();
    }

    @Test
    void everyStepIsScheduledAfterADayBeforeTheStart() {
        assertThat(schedule.scheduledAfter(START.minusDays(1))).containsExactly(
                new RateStep(START, START_RATE, null), new RateStep(RAISE, RAISED_RATE, null));
    }
}
