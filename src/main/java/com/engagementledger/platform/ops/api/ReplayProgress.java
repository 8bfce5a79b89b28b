package com.engagementledger.platform.ops.api;

import java.time.Instant;

/**
 * A replay under way.
 *
 * @param progress       how much of the event store, as it stood when the replay began, the rebuild has handled
 *                       (0 to 1)
 * @param eta            how long the rest should take at the rate so far, as an ISO-8601 duration; null until the
 *                       rebuild has handled an event
 * @param startedAt      when the replay was asked for (the application's clock)
 * @param targetPosition the head of the event store when the replay began: the rebuild has caught up once past it
 */
public record ReplayProgress(double progress, String eta, Instant startedAt, Long targetPosition) {
}
