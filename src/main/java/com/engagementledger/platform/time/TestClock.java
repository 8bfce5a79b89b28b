package com.engagementledger.platform.time;

import com.engagementledger.platform.api.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A clock that runs at real speed from an instant that can be moved forward, never back, like Kill Bill's test
 * mode: time keeps flowing between requests (events get distinct timestamps), and a test or a demo can jump to the
 * day a trial ends.
 */
public class TestClock extends Clock {

    /** Far enough for any engagement; further, dates overflow in the stores, and the clock cannot come back. */
    static final int MAX_YEARS_AHEAD = 100;

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public TestClock(Clock base) {
        this(base, Duration.ZERO);
    }

    /** A clock that is {@code offset} ahead of {@code base}, as a test clock left it before a restart. */
    public TestClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = new AtomicReference<>(offset.isNegative() ? Duration.ZERO : offset);
    }

    /** How far ahead of real time the clock runs. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ZonedView(this, zone);
    }

    /**
     * Moves the clock to {@code target}.
     *
     * @throws RuleViolation if {@code target} lies before the clock's current instant
     */
    public Instant moveTo(Instant target) {
        return moveTo(now -> target, newOffset -> { });
    }

    /**
     * Moves the clock to the instant {@code target} gives for the clock's current one, first handing the new offset
     * to {@code keep} (which persists it): if keeping fails, the clock has not moved.
     */
    public synchronized Instant moveTo(UnaryOperator<Instant> target, Consumer<Duration> keep) {
        return moveTo(target.apply(instant()), keep);
    }

    private Instant moveTo(Instant target, Consumer<Duration> keep) {
        Instant now = instant();
        if (target.isBefore(now)) {
            throw RuleViolation.invalid("instant", "never-backwards",
                    "the clock never goes backwards: " + target + " is before " + now);
        }
        Instant latest = now.atZone(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant();
        if (target.isAfter(latest)) {
            throw RuleViolation.invalid("instant", "too-far", "the clock moves at most " + MAX_YEARS_AHEAD
                    + " years ahead (to " + latest + "), not to " + target);
        }
        Duration moved = offset.get().plus(Duration.between(now, target));
        keep.accept(moved);
        offset.set(moved);
        return instant();
    }

    private static final class ZonedView extends Clock {
        private final Clock clock;
        private final ZoneId zone;

        private ZonedView(Clock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new ZonedView(clock, newZone);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
