package com.engagementledger.platform.time;

import com.engagementledger.platform.api.RuleViolation;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.time.Instant;

/**
 * Either an instant to move to or a positive duration to advance by (ISO 8601, e.g. {@code P15D}).
 */
public record ClockChange(Instant instant, Duration advanceBy) {

    @AssertTrue(message = "give exactly one of instant or advanceBy; advanceBy must be positive")
    public boolean isExactlyOneChange() {
        return (instant == null) != (advanceBy == null)
                && (advanceBy == null || !(advanceBy.isNegative() || advanceBy.isZero()));
    }

    Instant target(Instant now) {
        if (instant != null) {
            return instant;
        }
        try {
            return now.plus(advanceBy);
        } catch (ArithmeticException | java.time.DateTimeException tooLong) {
            throw RuleViolation.invalid("advanceBy", "too-far", advanceBy + " is too far ahead");
        }
    }
}
