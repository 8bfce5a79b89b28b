package com.engagementledger.platform.axon;

import com.engagementledger.platform.time.TestClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store, deciding with the real age of events which gaps in the global index may still fill.
 *
 * <p>A gap is an index taken by a transaction that has not committed yet (or never will). Axon keeps a gap in a
 * processor's token while the event after it is younger than the gap timeout, judging "younger" by comparing that
 * event's timestamp with its static message clock. Both follow the test clock, so after a jump every event stored
 * before it looks old at once: the gaps before it were dropped, and an event committed a millisecond later, into
 * such a gap, was never handled. Here the comparison is with what the application clock read the gap timeout ago in
 * real time ({@link TestClock#instantAgo}): since that clock never goes back, an event stamped before that reading
 * was stored more than the gap timeout ago, whatever the clock did since. Axon's separate clean-up of many gaps uses
 * the static clock too, so it is switched off; a gap that never fills leaves the token once it lies
 * {@link #MAX_GAP_OFFSET} events behind, or when an older event is read.
 */
public class GapSafeJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults. */
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    static final int MAX_GAP_OFFSET = 10_000;
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final Clock clock;

    GapSafeJdbcEventStorageEngine(Builder builder, Clock clock) {
        super(builder.gapTimeout(GAP_TIMEOUT_MILLIS).maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).gapCleaningThreshold(Integer.MAX_VALUE));
        this.clock = clock;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedDomainEventData<?> read = (TrackedDomainEventData<?>) super.getTrackedEventData(resultSet,
                previousToken);
        long index = resultSet.getLong(schema().globalIndexColumn());
        boolean gapsMayStillFill = read.getTimestamp().isAfter(gapTimeoutFrame());
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(index, gapsMayStillFill
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, index), index).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(index, gapsMayStillFill ? MAX_GAP_OFFSET : 0);
        return withToken(token, read);
    }

    /** What the application clock read the gap timeout ago, in real time. */
    Instant gapTimeoutFrame() {
        Duration timeout = Duration.ofMillis(GAP_TIMEOUT_MILLIS);
        return clock instanceof TestClock testClock ? testClock.instantAgo(timeout) : clock.instant().minus(timeout);
    }

    private static <T> TrackedDomainEventData<T> withToken(GapAwareTrackingToken token, TrackedDomainEventData<T> read) {
        return new TrackedDomainEventData<>(token, read);
    }
}
