package com.engagementledger.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementledger.platform.api.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The test clock against a real clock that moves on every reading, as real time does while a request is handled.
 */
class TestClockTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    /** Real time that passes {@code step} with every reading. */
    static final class Ticking extends Clock {
        private Instant now = START;
        private final Duration step;

        Ticking(Duration step) {
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        synchronized void pass(Duration time) {
            now = now.plus(time);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aFormSentTwiceFromTheSamePageMovesTheClockOnce() {
        Ticking real = new Ticking(Duration.ZERO);
        TestClock clock = new TestClock(real);
        Duration shown = clock.offset();
        real.pass(Duration.ofMinutes(3));
        clock.moveFrom(shown, now -> now.plus(Duration.ofHours(1)), offset -> { });
        assertThat(clock.offset()).as("real time passing is not a move").isEqualTo(Duration.ofHours(1));
        Instant afterFirst = clock.instant();
        assertThatThrownBy(() -> clock.moveFrom(shown, now -> now.plus(Duration.ofHours(1)), offset -> { }))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("moved since this page was shown")
                .hasMessageContaining(afterFirst.toString());
        assertThat(clock.offset()).as("the second click moved nothing").isEqualTo(Duration.ofHours(1));
        clock.moveFrom(clock.offset(), now -> now.plus(Duration.ofHours(1)), offset -> { });
        assertThat(clock.offset()).as("sent again from the page as it is now").isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aMillisecondAheadIsAlwaysAMoveForward() {
        TestClock clock = new TestClock(new Ticking(Duration.ofMillis(2)));
        for (int i = 0; i < 100; i++) {
            Instant before = clock.instant();
            Instant moved = clock.moveTo(now -> now.plusMillis(1), offset -> { });
            assertThat(moved).isAfter(before);
        }
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void anInstantTheClockPassedWhileTheRequestWasHandledCountsAsReached() {
        Ticking real = new Ticking(Duration.ZERO);
        TestClock clock = new TestClock(real);
        Instant asked = clock.instant().plusMillis(5);
        real.pass(Duration.ofMillis(40));
        Instant moved = clock.moveTo(asked);
        assertThat(moved).isAfter(asked);
        assertThat(clock.offset()).as("not moved back").isZero();

        real.pass(Duration.ofSeconds(2));
        assertThatThrownBy(() -> clock.moveTo(asked)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("never goes backwards");
    }

    @Test
    void itRemembersWhatItReadBeforeAJump() {
        Ticking real = new Ticking(Duration.ZERO);
        TestClock clock = new TestClock(real);
        real.pass(Duration.ofMinutes(5));
        Instant beforeJump = clock.instant();
        clock.moveTo(beforeJump.plus(Duration.ofDays(30)));
        real.pass(Duration.ofSeconds(10));
        assertThat(clock.instantAgo(Duration.ofSeconds(60))).as("a minute ago, real time, before the jump")
                .isEqualTo(beforeJump.minusSeconds(50));
        real.pass(Duration.ofSeconds(60));
        assertThat(clock.instantAgo(Duration.ofSeconds(60)))
                .isEqualTo(beforeJump.plus(Duration.ofDays(30)).plusSeconds(10));
    }
}
