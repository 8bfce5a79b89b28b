package com.engagementledger.platform.time;

import com.engagementledger.platform.api.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
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

    /**
     * How far behind the clock a target instant may lie and still count as reached rather than backwards: the
     * clock runs on while a request that read it comes back to move it a few milliseconds ahead.
     */
    static final Duration REACHED_WHILE_ASKING = Duration.ofSeconds(1);

    /** How long past offsets are remembered, for {@link #instantAgo}. */
    private static final Duration HISTORY = Duration.ofHours(1);

    private final Clock base;
    /** The offset from each real instant on at which it was set; the first entry stands for all time before. */
    private final ConcurrentSkipListMap<Instant, Duration> offsets = new ConcurrentSkipListMap<>();

    public TestClock(Clock base) {
        this(base, Duration.ZERO);
    }

    /** A clock that is {@code offset} ahead of {@code base}, as a test clock left it before a restart. */
    public TestClock(Clock base, Duration offset) {
        this.base = base;
        offsets.put(Instant.MIN, offset.isNegative() ? Duration.ZERO : offset);
    }

    /** How far ahead of real time the clock runs. */
    public Duration offset() {
        return offsets.lastEntry().getValue();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset());
    }

    /**
     * What this clock read {@code realTime} ago (real time, not clock time): the clock may have jumped since. Exact
     * for up to an hour back.
     */
    public Instant instantAgo(Duration realTime) {
        Instant then = base.instant().minus(realTime);
        Map.Entry<Instant, Duration> inForce = offsets.floorEntry(then);
        return then.plus((inForce != null ? inForce : offsets.firstEntry()).getValue());
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
     * @throws RuleViolation if {@code target} lies more than {@link #REACHED_WHILE_ASKING} before the clock's
     *                        current instant
     */
    public Instant moveTo(Instant target) {
        return moveTo(now -> target, newOffset -> { });
    }

    /**
     * Moves the clock to the instant {@code target} gives for the clock's current one, first handing the new offset
     * to {@code keep} (which persists it): if keeping fails, the clock has not moved. A target that the clock has
     * passed by at most {@link #REACHED_WHILE_ASKING} leaves it where it is.
     */
    public synchronized Instant moveTo(UnaryOperator<Instant> target, Consumer<Duration> keep) {
        Instant real = base.instant();
        Duration offset = offset();
        // one reading: a second one, later, would find a target just ahead of the first already behind it
        Instant now = real.plus(offset);
        return moveTo(now, target.apply(now), real, offset, keep);
    }

    /**
     * As {@link #moveTo(UnaryOperator, Consumer)}, but only if the clock still runs {@code shownOffset} ahead, as it
     * did when the page that asks was shown: a form sent twice (a double click on "Advance") moves the clock once,
     * never twice, since the clock never goes back.
     *
     * @throws RuleViolation (illegal state, {@code clock-moved}) if the clock has moved since
     */
    public synchronized Instant moveFrom(Duration shownOffset, UnaryOperator<Instant> target,
                                         Consumer<Duration> keep) {
        if (!offset().equals(shownOffset)) {
            throw RuleViolation.illegalState("clock-moved", "The clock has moved since this page was shown; it now"
                    + " reads " + instant() + ". Nothing was changed: look at the time and send again if it should"
                    + " still move.");
        }
        return moveTo(target, keep);
    }

    private Instant moveTo(Instant now, Instant target, Instant real, Duration offset, Consumer<Duration> keep) {
        if (target.isBefore(now.minus(REACHED_WHILE_ASKING))) {
            throw RuleViolation.invalid("instant", "never-backwards",
                    "the clock never goes backwards: " + target + " is before " + now);
        }
        if (!target.isAfter(now)) {
            return instant();
        }
        Instant latest = now.atZone(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant();
        if (target.isAfter(latest)) {
            throw RuleViolation.invalid("instant", "too-far", "the clock moves at most " + MAX_YEARS_AHEAD
                    + " years ahead (to " + latest + "), not to " + target);
        }
        Duration moved = offset.plus(Duration.between(now, target));
        keep.accept(moved);
        offsets.put(real, moved);
        forgetBefore(real.minus(HISTORY));
        return instant();
    }

    private void forgetBefore(Instant limit) {
        Map.Entry<Instant, Duration> stillInForce = offsets.floorEntry(limit);
        if (stillInForce != null) {
            offsets.headMap(stillInForce.getKey()).clear();
        }
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
