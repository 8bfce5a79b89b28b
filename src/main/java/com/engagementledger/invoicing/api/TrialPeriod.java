package com.engagementledger.invoicing.api;

import java.time.LocalDate;

/**
 * The engagement's trial as billing needs it.
 *
 * @param start     the trial's first day
 * @param lastDay   the trial's last day as started
 * @param decidedOn the day it was accepted or rejected; null while undecided
 */
public record TrialPeriod(LocalDate start, LocalDate lastDay, TrialOutcome outcome, LocalDate decidedOn) {

    /**
     * The last day the professionals worked in the trial: a rejection on a day ends it that day, before its planned
     * last day if it came early.
     */
    public LocalDate workedUntil() {
        return outcome == TrialOutcome.REJECTED && decidedOn != null && decidedOn.isBefore(lastDay)
                ? decidedOn : lastDay;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(workedUntil());
    }
}
