package com.engagementledger.platform.time;

import java.time.Instant;

/**
 * The application's instant, and how many scheduled actions that were due by it have not fired (normally zero).
 */
public record ClockView(Instant instant, int pendingDueActions) {
}
