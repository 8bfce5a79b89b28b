package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;

/**
 * Notice given on a day runs at least the notice period: last day ≥ notice date + notice period. Termination for
 * cause may end sooner, but never without a reason.
 */
final class NoticePolicy {

    private NoticePolicy() {
    }

    static void check(LocalDate noticeDate, LocalDate lastDay, boolean forCause, String reason, EngagementTerms terms) {
        if (lastDay == null) {
            throw RuleViolation.invalid("lastDay", "required", "lastDay: must not be null");
        }
        PlausibleDates.check("lastDay", lastDay);
        if (forCause) {
            if (PlainText.isBlank(reason)) {
                throw RuleViolation.invalid("reason", "reason-required", "termination for cause needs a reason");
            }
            if (lastDay.isBefore(noticeDate)) {
                throw RuleViolation.invalid("lastDay", "not-before-notice", "the last day " + lastDay
                        + " is before the notice date " + noticeDate);
            }
            return;
        }
        LocalDate earliest = noticeDate.plusDays(terms.noticePeriodDays());
        if (lastDay.isBefore(earliest)) {
            throw RuleViolation.invalid("lastDay", "notice-period", "notice given on " + noticeDate
                    + " runs at least " + terms.noticePeriodDays() + " days: the last day can be " + earliest
                    + " at the earliest, not " + lastDay);
        }
    }
}
