package com.engagementledger.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today's date from the application's clock. The one place outside which nothing reads a clock's date: code that
 * asks the system, or the clock's own zone, for "now" would not follow the test clock or the engagement's zone.
 */
public final class Today {

    private Today() {
    }

    /** The date it is now in {@code zone}, by {@code clock}. */
    public static LocalDate in(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
