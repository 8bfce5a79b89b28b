package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rates of one seat over time: the rate on a day is that of the latest step effective on or before it. A step
 * announced later for the same day replaces the earlier one (a correction is a new event, never an edit).
 */
public record RateSchedule(List<RateStep> steps) {

    public RateSchedule {
        steps = List.copyOf(steps);
    }

    public static RateSchedule startingAt(LocalDate startDate, BigDecimal rate) {
        return new RateSchedule(List.of(RateStep.initial(startDate, rate)));
    }

    public RateSchedule with(RateStep step) {
        List<RateStep> next = new ArrayList<>(steps.stream()
                .filter(existing -> !existing.effectiveDate().equals(step.effectiveDate()))
                .toList());
        next.add(step);
        next.sort(Comparator.comparing(RateStep::effectiveDate));
        return new RateSchedule(next);
    }

    /** The schedule without the steps of one rate change (withdrawn before it took effect). */
    public RateSchedule without(String rateChangeId) {
        return new RateSchedule(steps.stream()
                .filter(step -> step.rateChangeId() == null || !step.rateChangeId().equals(rateChangeId))
                .toList());
    }

    /** The rate in effect on {@code day}, or empty before the first step. */
    public Optional<BigDecimal> rateOn(LocalDate day) {
        BigDecimal rate = null;
        for (RateStep step : steps) {
            if (step.effectiveDate().isAfter(day)) {
                break;
            }
            rate = step.rate();
        }
        return Optional.ofNullable(rate);
    }

    /** Steps that take effect after {@code day}. */
    public List<RateStep> scheduledAfter(LocalDate day) {
        return steps.stream().filter(step -> step.effectiveDate().isAfter(day)).toList();
    }
}
