package com.engagementledger.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.HttpTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deadline whose node was killed while running it (left picked, its heartbeat going stale) is retried within
 * seconds, not after db-scheduler's default 30 minutes of missed heartbeats: the kill is simulated on the row, as a
 * SIGKILL mid-deadline leaves it (ReplacementDeadlinesKillTest does it for real, when the kill lands there).
 */
class InterruptedDeadlineRetryTest extends HttpTestSupport {

    /** Detection runs every two heartbeat intervals (10 s); a loaded machine gets three times that and more. */
    private static final Duration RETRIED_WITHIN = Duration.ofSeconds(60);

    @Autowired
    DeadlineManager deadlines;

    @Test
    void aDeadlineLeftPickedByAKilledNodeIsRetriedWithinSeconds() {
        Instant now = now();
        // a scope no saga has: firing it changes nothing, and a one-time task is deleted once it has run
        String id = deadlines.schedule(now.plus(Duration.ofDays(1)), "interrupted", null,
                new SagaScopeDescriptor("NoSuchProcess", "no-such-saga"));
        Instant killed = now.minus(Duration.ofMinutes(5));
        int updated = jdbc.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'killed-node',"
                        + " execution_time = ?, last_heartbeat = ?, version = version + 1 WHERE task_instance = ?",
                OffsetDateTime.ofInstant(killed, ZoneOffset.UTC), OffsetDateTime.ofInstant(killed, ZoneOffset.UTC),
                id);
        assertThat(updated).as("the deadline's row").isEqualTo(1);

        await().atMost(RETRIED_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", Long.class, id) == 0);
    }
}
