package com.engagementledger.platform.time;

import com.engagementledger.platform.api.RuleViolation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Either an instant to move to or a positive duration to advance by (ISO 8601, e.g. {@code P15D}). A change that
 * gives both, neither, or a duration that does not move the clock forward is refused naming the fields a caller
 * wrote, not a method of this record.
 */
public record ClockChange(Instant instant, Duration advanceBy) {

    Instant target(Instant now) {
        if ((instant == null) == (advanceBy == null)) {
            throw RuleViolation.malformed(instant == null ? "instant" : "advanceBy", "exactly-one",
                    "give exactly one of instant and advanceBy");
        }
        if (instant != null) {
            return instant;
        }
        if (advanceBy.isNegative() || advanceBy.isZero()) {
            throw RuleViolation.malformed("advanceBy", "positive", "advanceBy must be a positive duration, not "
                    + advanceBy);
        }
        try {
            return now.plus(advanceBy);
        } catch (ArithmeticException | DateTimeException tooLong) {
            throw RuleViolation.invalid("advanceBy", "too-far", advanceBy + " is too far ahead");
        }
    }
}
