package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.platform.api.RuleViolation;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Terms an engagement can run on: a real time zone, and periods within sane bounds.
 */
final class TermsPolicy {

    private TermsPolicy() {
    }

    static ZoneId validate(EngagementTerms terms) {
        if (terms == null) {
            throw RuleViolation.invalid("terms", "required", "is required");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(terms.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw RuleViolation.invalid("terms.timeZone", "time-zone", "'" + terms.timeZone()
                    + "' is not a time zone (e.g. UTC, Europe/Berlin)");
        }
        required(terms.billingCycle(), "terms.billingCycle");
        required(terms.ipTrigger(), "terms.ipTrigger");
        range(terms.paymentTermsDays(), 0, 365, "terms.paymentTermsDays");
        range(terms.noticePeriodDays(), 0, 365, "terms.noticePeriodDays");
        range(terms.trialDays(), 0, 365, "terms.trialDays");
        range(terms.guaranteeWindowDays(), 0, 3650, "terms.guaranteeWindowDays");
        range(terms.freeReplacementsPerSeat(), 0, 100, "terms.freeReplacementsPerSeat");
        range(terms.replacementSlaBusinessDays(), 1, 260, "terms.replacementSlaBusinessDays");
        range(terms.overlapBusinessDays(), 0, 260, "terms.overlapBusinessDays");
        range(terms.rateChangeNoticeDays(), 0, 365, "terms.rateChangeNoticeDays");
        return zone;
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw RuleViolation.invalid(field, "required", "is required");
        }
    }

    private static void range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw RuleViolation.invalid(field, "range", "must be between " + min + " and " + max + ", was " + value);
        }
    }
}
