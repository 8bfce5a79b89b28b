package com.engagementledger.audit;

import static com.engagementledger.audit.AuditChainSupport.awaitChained;
import static com.engagementledger.audit.AuditChainSupport.chained;
import static com.engagementledger.audit.AuditChainSupport.h2;
import static com.engagementledger.audit.AuditChainSupport.head;
import static com.engagementledger.audit.AuditChainSupport.makeEvents;
import static com.engagementledger.audit.AuditChainSupport.verify;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain builder stopped in the middle of the history goes on after a restart from where it got: every position
 * linked exactly once, none skipped, and the whole chain verifies.
 */
class AuditChainResumeTest {

    private static final long STOPPED_AT = 11;

    @Test
    void aRestartInTheMiddleOfChainBuildingResumesWithoutAGap() throws Exception {
        Path dataDir = TestDataDirs.create("audit-resume");
        long head;
        try (ConfigurableApplicationContext first = start("test", dataDir)) {
            makeEvents(new Api(port(first)), "resume", 15);
            awaitChained(first);
            head = head(first.getBean(JdbcTemplate.class));
        }
        // as a stop after the transaction that linked position 11 leaves it
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_chain_link WHERE position > " + STOPPED_AT);
            statement.executeUpdate("DELETE FROM audit_checkpoint WHERE position > " + STOPPED_AT);
            statement.executeUpdate("UPDATE audit_chain_progress SET position = " + STOPPED_AT
                    + ", hash = (SELECT hash FROM audit_chain_link WHERE position = " + STOPPED_AT + "),"
                    + " events = (SELECT COUNT(*) FROM audit_chain_link WHERE hash IS NOT NULL)");
        }
        // two events per transaction, stopped as soon as it has moved on: again in the middle, most likely
        PreparedStore slow = new PreparedStore(List.of(), List.of("--ledger.audit.batch-size=2"), () -> { });
        try (ConfigurableApplicationContext second = start("test", dataDir, slow)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> chained(jdbc) > STOPPED_AT);
        }
        try (ConfigurableApplicationContext third = start("test", dataDir)) {
            awaitChained(third);
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            List<Long> positions = jdbc.queryForList("SELECT position FROM audit_chain_link ORDER BY position",
                    Long.class);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            JsonNode report = verify(new Api(port(third)));

            assertThat(positions).hasSize((int) head).first().isEqualTo(1L);
            assertThat(positions.get(positions.size() - 1)).isEqualTo(head);
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("eventsChecked").asLong()).isEqualTo(events);
            assertThat(report.get("lastPosition").asLong()).isEqualTo(head);
        }
    }
}
