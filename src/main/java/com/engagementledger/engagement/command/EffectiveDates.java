package com.engagementledger.engagement.command;

import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;

/**
 * Bounds of an effective date (a start, release, activation, rate change, pause, resume): within the plausible range,
 * never before what it follows (the proposal, or the engagement's first billed day), at most the back-dating window
 * before today and at most the forward-dating window after it.
 */
final class EffectiveDates {

    private EffectiveDates() {
    }

    /**
     * @param notBefore     the earliest day the date can be about
     * @param notBeforeRule the rule code when it is earlier, e.g. {@code before-proposal}
     * @param notBeforeWhat what {@code notBefore} is, for the message: "the proposal", "the first billed day"
     */
    static LocalDate check(String field, LocalDate date, LocalDate today, BackDatingWindow window,
                           ForwardDatingWindow horizon, LocalDate notBefore, String notBeforeRule,
                           String notBeforeWhat) {
        PlausibleDates.check(field, date);
        if (date.isBefore(notBefore)) {
            throw RuleViolation.invalid(field, notBeforeRule, date + " is before " + notBeforeWhat + " ("
                    + notBefore + ")");
        }
        return within(field, date, today, window, horizon);
    }

    /** Within the plausible range and the back- and forward-dating windows around today. */
    static LocalDate within(String field, LocalDate date, LocalDate today, BackDatingWindow window,
                            ForwardDatingWindow horizon) {
        notAfterHorizon(field, date, today, horizon);
        LocalDate earliest = window.earliest(today);
        if (date.isBefore(earliest)) {
            throw RuleViolation.invalid(field, "back-dating-window", date + " lies more than "
                    + window.backDatingDays() + " days before today (" + today + "): " + earliest
                    + " is the earliest date that can still be recorded");
        }
        return date;
    }

    /** Within the plausible range and at most the forward-dating window after today. */
    static LocalDate notAfterHorizon(String field, LocalDate date, LocalDate today, ForwardDatingWindow horizon) {
        PlausibleDates.check(field, date);
        LocalDate latest = today.plusDays(horizon.forwardDatingDays());
        if (date.isAfter(latest)) {
            throw RuleViolation.invalid(field, "forward-dating-window", date + " lies more than "
                    + horizon.forwardDatingDays() + " days after today (" + today + "): " + latest
                    + " is the latest date that can be recorded");
        }
        return date;
    }
}
