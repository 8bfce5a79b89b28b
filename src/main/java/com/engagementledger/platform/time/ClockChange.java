package com.engagementledger.platform.time;

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
        return instant != null ? instant : now.plus(advanceBy);
    }
}
