package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;

/**
 * A rate change takes effect no earlier than the rate-change notice after it is announced, needs a reason, and
 * cannot take effect after the engagement's last day.
 */
final class RateChangePolicy {

    private RateChangePolicy() {
    }

    static void check(LocalDate announcedOn, LocalDate effectiveDate, String reason, EngagementTerms terms,
                      LocalDate lastDay) {
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "reason-required", "a rate change needs a reason");
        }
        if (effectiveDate == null) {
            throw RuleViolation.invalid("effectiveDate", "required", "effectiveDate: must not be null");
        }
        PlausibleDates.check("effectiveDate", effectiveDate);
        LocalDate earliest = announcedOn.plusDays(terms.rateChangeNoticeDays());
        if (effectiveDate.isBefore(earliest)) {
            throw RuleViolation.invalid("effectiveDate", "rate-change-notice", "a rate change announced on "
                    + announcedOn + " takes effect no earlier than " + earliest + " ("
                    + terms.rateChangeNoticeDays() + " days' notice), not " + effectiveDate);
        }
        if (lastDay != null && effectiveDate.isAfter(lastDay)) {
            throw RuleViolation.invalid("effectiveDate", "after-last-day", "the engagement's last day is "
                    + lastDay + "; a rate change from " + effectiveDate + " would never apply");
        }
    }
}
