package com.engagementledger.engagement.command;

import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;

/**
 * Dates an engagement can be about: from 1970 to 2999. Beyond them a date is a typo, and far enough beyond them it
 * breaks date arithmetic and the stores (a read model cannot hold year 300,000,000).
 */
final class PlausibleDates {

    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private PlausibleDates() {
    }

    static LocalDate check(String field, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw RuleViolation.invalid(field, "date-range", date + " is not between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }
}
