package com.engagementledger.engagement.command;

import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;

/**
 * Bounds of an effective date (a start, release, activation): within the plausible range, never before what it
 * follows (the proposal, or the engagement's first billed day), and at most the back-dating window before today.
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
                           LocalDate notBefore, String notBeforeRule, String notBeforeWhat) {
        PlausibleDates.check(field, date);
        if (date.isBefore(notBefore)) {
            throw RuleViolation.invalid(field, notBeforeRule, date + " is before " + notBeforeWhat + " ("
                    + notBefore + ")");
        }
        LocalDate earliest = today.minusDays(window.backDatingDays());
        if (date.isBefore(earliest)) {
            throw RuleViolation.invalid(field, "back-dating-window", date + " lies more than "
                    + window.backDatingDays() + " days before today (" + today + "): " + earliest
                    + " is the earliest date that can still be recorded");
        }
        return date;
    }
}
