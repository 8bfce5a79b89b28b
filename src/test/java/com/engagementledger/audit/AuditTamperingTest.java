package com.engagementledger.audit;

import static com.engagementledger.audit.AuditChainSupport.awaitChained;
import static com.engagementledger.audit.AuditChainSupport.copy;
import static com.engagementledger.audit.AuditChainSupport.h2;
import static com.engagementledger.audit.AuditChainSupport.head;
import static com.engagementledger.audit.AuditChainSupport.makeEvents;
import static com.engagementledger.audit.AuditChainSupport.verify;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.SigningKeys;
import com.engagementledger.audit.chain.AuditChainProgressMissingFailureAnalyzer;
import com.engagementledger.support.Api;
import com.engagementledger.support.FailedStart;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Edits the H2 file of a stopped application the way someone with database access could, restarts it, and asks
 * {@code /api/audit/verify}: each edit is reported at the exact position it was made, never as a server error.
 */
class AuditTamperingTest {

    /** Gaps close quickly here: the test makes two on purpose. */
    private static final PreparedStore STORE = new PreparedStore(List.of(),
            List.of("--ledger.audit.gap-timeout=1s"), () -> { });

    /** A stopped application's data directory: chained events, checkpoints, and two positions that hold none. */
    private static Path base;
    /** The first position with a proposal after the first one; the gap's first position. */
    private static long target;
    private static long gap;
    private static long events;

    enum Tampering {
        PAYLOAD_BYTE_CHANGED("altered") {
            @Override
            long apply(Connection h2) throws SQLException {
                byte[] payload = bytes(h2, "payload", target);
                String text = new String(payload, StandardCharsets.UTF_8);
                int at = text.indexOf("\"clientName\":\"") + "\"clientName\":\"".length();
                payload[at] = (byte) (payload[at] == 'X' ? 'Y' : 'X');
                update(h2, "payload", target, payload);
                return target;
            }
        },
        METADATA_FIELD_CHANGED("altered") {
            @Override
            long apply(Connection h2) throws SQLException {
                String metadata = new String(bytes(h2, "metaData", target), StandardCharsets.UTF_8);
                assertThat(metadata).contains("\"actor\":\"manager\"");
                update(h2, "metaData", target, metadata.replace("\"actor\":\"manager\"", "\"actor\":\"mallory\"")
                        .getBytes(StandardCharsets.UTF_8));
                return target;
            }
        },
        PAYLOAD_NO_LONGER_JSON("not a JSON object") {
            @Override
            long apply(Connection h2) throws SQLException {
                byte[] payload = bytes(h2, "payload", target);
                update(h2, "payload", target, java.util.Arrays.copyOf(payload, payload.length / 2));
                return target;
            }
        },
        PAYLOAD_BROKEN_BEFORE_IT_WAS_LINKED("the chain stops there") {
            @Override
            long apply(Connection h2) throws SQLException {
                // as if the chain had got only up to the event before when the payload was broken
                try (Statement statement = h2.createStatement()) {
                    statement.executeUpdate("UPDATE audit_chain_progress SET position = " + (target - 1)
                            + ", hash = (SELECT hash FROM audit_chain_link WHERE position = " + (target - 1) + "),"
                            + " events = (SELECT COUNT(*) FROM audit_chain_link WHERE hash IS NOT NULL"
                            + " AND position < " + target + ")");
                    statement.executeUpdate("DELETE FROM audit_chain_link WHERE position >= " + target);
                    statement.executeUpdate("DELETE FROM audit_checkpoint WHERE position >= " + target);
                }
                return PAYLOAD_NO_LONGER_JSON.apply(h2);
            }
        },
        EVENT_DELETED("removed") {
            @Override
            long apply(Connection h2) throws SQLException {
                try (Statement statement = h2.createStatement()) {
                    statement.executeUpdate("DELETE FROM DomainEventEntry WHERE globalIndex = " + target);
                }
                return target;
            }
        },
        HISTORY_TRUNCATED("history truncated") {
            @Override
            long apply(Connection h2) throws SQLException {
                // the end of the history cut off below the last checkpoint, links and progress set back to match
                long kept;
                try (Statement statement = h2.createStatement();
                     ResultSet last = statement.executeQuery("SELECT MAX(position) FROM audit_checkpoint")) {
                    assertThat(last.next()).isTrue();
                    kept = last.getLong(1) - 1;
                }
                try (Statement statement = h2.createStatement()) {
                    statement.executeUpdate("DELETE FROM DomainEventEntry WHERE globalIndex > " + kept);
                    statement.executeUpdate("DELETE FROM audit_chain_link WHERE position > " + kept);
                    statement.executeUpdate("UPDATE audit_chain_progress SET position = " + kept
                            + ", hash = (SELECT hash FROM audit_chain_link WHERE position = (SELECT MAX(position)"
                            + " FROM audit_chain_link WHERE hash IS NOT NULL)),"
                            + " events = (SELECT COUNT(*) FROM audit_chain_link WHERE hash IS NOT NULL)");
                }
                return kept + 1;
            }
        },
        EVENT_INSERTED("inserted") {
            @Override
            long apply(Connection h2) throws SQLException {
                try (Statement statement = h2.createStatement()) {
                    statement.executeUpdate("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, metaData,"
                            + " payload, payloadRevision, payloadType, timeStamp, aggregateIdentifier,"
                            + " sequenceNumber, type) SELECT " + gap + ", 'forged-event', metaData, payload,"
                            + " payloadRevision, payloadType, timeStamp, aggregateIdentifier, 99, type"
                            + " FROM DomainEventEntry WHERE globalIndex = " + target);
                }
                return gap;
            }
        };

        private final String problem;

        Tampering(String problem) {
            this.problem = problem;
        }

        /** Edits the store; answers the position verification must name. */
        abstract long apply(Connection h2) throws SQLException;
    }

    @BeforeAll
    static void aStoppedApplicationWithAChainAndAGap() throws SQLException {
        base = TestDataDirs.create("audit-base");
        try (ConfigurableApplicationContext first = start("test", base, STORE)) {
            makeEvents(new Api(port(first)), "tamper", 6);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            target = jdbc.queryForObject("SELECT MIN(globalIndex) FROM DomainEventEntry WHERE globalIndex > 1"
                    + " AND payloadType LIKE '%EngagementProposed'", Long.class);
            gap = head(jdbc) + 1;
        }
        // two index values taken and never used, as a rolled-back transaction leaves them
        try (Connection h2 = h2(base); Statement statement = h2.createStatement()) {
            statement.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + (gap + 2));
        }
        try (ConfigurableApplicationContext second = start("test", base, STORE)) {
            Api api = new Api(port(second));
            makeEvents(api, "after-gap", 2);
            awaitChained(second);
            JsonNode report = verify(api);
            events = second.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry",
                    Long.class);
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("eventsChecked").asLong()).isEqualTo(events);
            assertThat(report.get("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(report.get("lastPosition").asLong()).isEqualTo(gap + 5);
            assertThat(report.get("firstBadPosition").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Tampering.class)
    void anEditOfTheStoppedStoreIsReportedAtItsExactPosition(Tampering tampering) throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-" + tampering.name().toLowerCase()));
        long position;
        try (Connection h2 = h2(dataDir)) {
            position = tampering.apply(h2);
        }
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            JsonNode report = verify(new Api(port(restarted)));

            assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(position);
            assertThat(report.get("problem").asText()).contains("position " + position, tampering.problem);
            assertThat(report.get("lastPosition").asLong()).isLessThan(position);
        }
    }

    @Test
    void deletedCheckpointsAreReportedFromTheFirstPositionTheyNoLongerCover() throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-checkpoints-deleted"));
        long kept;
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            try (ResultSet first = statement.executeQuery("SELECT MIN(position) FROM audit_checkpoint")) {
                assertThat(first.next()).isTrue();
                kept = first.getLong(1);
            }
            assertThat(statement.executeUpdate("DELETE FROM audit_checkpoint WHERE position > " + kept))
                    .isGreaterThan(0);
        }
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            JsonNode report = verify(new Api(port(restarted)));

            assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(kept + 1);
            assertThat(report.get("problem").asText()).contains("from position " + (kept + 1), "were deleted");
        }
    }

    @Test
    void aCheckpointReSignedWithAKeyAddedToTheDatabaseIsNotTrusted() throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-foreign-key"));
        KeyPair foreign = SigningKeys.generate();
        String keyId = SigningKeys.keyId(foreign.getPublic());
        long position;
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            statement.executeUpdate("UPDATE audit_signing_key SET retired_at = '2035-01-01T00:00:00Z'");
            statement.executeUpdate("INSERT INTO audit_signing_key (key_id, public_key, activated_at) VALUES ('"
                    + keyId + "', '" + SigningKeys.publicPem(foreign.getPublic()) + "', '2035-01-01T00:00:00Z')");
            try (ResultSet first = statement.executeQuery("SELECT position, events, chain_hash, signed_at"
                    + " FROM audit_checkpoint ORDER BY position LIMIT 1")) {
                assertThat(first.next()).isTrue();
                position = first.getLong(1);
                String signature = SigningKeys.sign(foreign.getPrivate(), Checkpoint.statement(position,
                        first.getLong(2), first.getString(3), first.getString(4), keyId));
                try (PreparedStatement resign = h2.prepareStatement("UPDATE audit_checkpoint SET key_id = ?,"
                        + " signature = ? WHERE position = ?")) {
                    resign.setString(1, keyId);
                    resign.setString(2, signature);
                    resign.setLong(3, position);
                    assertThat(resign.executeUpdate()).isEqualTo(1);
                }
            }
        }
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            JsonNode report = verify(new Api(port(restarted)));

            assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(position);
            assertThat(report.get("problem").asText()).contains(keyId, "not known");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aProgressRowSetBackIsReportedAndTheChainStopsWithOneError(CapturedOutput output) throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-progress-set-back"));
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE audit_chain_progress SET position = " + target
                    + ", hash = (SELECT hash FROM audit_chain_link WHERE position = " + target + "),"
                    + " events = (SELECT COUNT(*) FROM audit_chain_link WHERE hash IS NOT NULL AND position <= "
                    + target + ")")).isEqualTo(1);
        }
        int from = output.getAll().length();
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            Api api = new Api(port(restarted));
            assertProgressRowReported(verify(api), target + 1, "links are recorded beyond position " + target);

            makeEvents(api, "after-set-back", 1);
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> AuditChainSupport.chained(jdbc) == target);
            assertProgressRowReported(verify(api), target + 1, "links are recorded beyond position " + target);
            String logged = output.getAll().substring(from);
            assertThat(logged.split("The audit chain stops for good", -1)).as(logged).hasSize(2);
            assertThat(logged).doesNotContain("DuplicateKeyException", "could not advance");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aProgressRowSetBackWhileRunningStopsTheChainAtItsFirstDuplicateLink(CapturedOutput output) {
        Path dataDir = copy(base, TestDataDirs.create("audit-progress-set-back-running"));
        try (ConfigurableApplicationContext running = start("test", dataDir, STORE)) {
            Api api = new Api(port(running));
            JdbcTemplate jdbc = running.getBean(JdbcTemplate.class);
            int from = output.getAll().length();
            assertThat(jdbc.update("UPDATE audit_chain_progress SET position = " + target
                    + ", hash = (SELECT hash FROM audit_chain_link WHERE position = " + target + "),"
                    + " events = (SELECT COUNT(*) FROM audit_chain_link WHERE hash IS NOT NULL AND position <= "
                    + target + ")")).isEqualTo(1);

            // the builder's next append finds the row moved, reloads it, and meets the links already recorded
            makeEvents(api, "after-set-back-running", 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> output.getAll().substring(from).contains("The audit chain stops for good"));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> AuditChainSupport.chained(jdbc) == target);
            assertProgressRowReported(verify(api), target + 1, "links are recorded beyond position " + target);
            String logged = output.getAll().substring(from);
            assertThat(logged.split("The audit chain stops for good", -1)).as(logged).hasSize(2);
            assertThat(logged).doesNotContain("could not advance");
        }
    }

    @Test
    void aProgressRowWithAnotherHashIsReportedInsteadOfTheNextEvent() throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-progress-hash"));
        long position;
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE audit_chain_progress SET hash = '" + "ab".repeat(32) + "'"))
                    .isEqualTo(1);
            try (ResultSet progress = statement.executeQuery("SELECT position FROM audit_chain_progress")) {
                assertThat(progress.next()).isTrue();
                position = progress.getLong(1);
            }
        }
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            Api api = new Api(port(restarted));
            assertProgressRowReported(verify(api), position, "hash at position " + position);

            makeEvents(api, "after-hash-edit", 1);
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> AuditChainSupport.chained(jdbc) == position);
            // the new event is not blamed: it was never chained to the false head
            assertProgressRowReported(verify(api), position, "hash at position " + position);
        }
    }

    private static void assertProgressRowReported(JsonNode report, long position, String what) {
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(position);
        assertThat(report.get("problem").asText()).contains("the chain's progress row was changed", what);
    }

    @Test
    void aDeletedProgressRowStopsTheStartWithAnExplanation() throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-progress-deleted"));
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM audit_chain_progress")).isEqualTo(1);
        }

        FailedStart start = FailedStart.of("test", "--ledger.data-dir=" + dataDir, "--server.port=0");

        FailureAnalysis analysis = new AuditChainProgressMissingFailureAnalyzer().analyze(start.failure());
        assertThat(analysis).as(start.failure().toString()).isNotNull();
        assertThat(analysis.getDescription()).contains("audit_chain_progress", "was edited");
        assertThat(analysis.getAction()).contains("backup", "/api/audit/verify");
    }

    @Test
    void aCheckpointWhoseSigningTimeIsNoInstantLetsTheApplicationStartAndIsReportedAtItsPosition()
            throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-checkpoint-signed-at"));
        long position;
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            try (ResultSet last = statement.executeQuery("SELECT MAX(position) FROM audit_checkpoint")) {
                assertThat(last.next()).isTrue();
                position = last.getLong(1);
            }
            assertThat(statement.executeUpdate("UPDATE audit_checkpoint SET signed_at = 'garbage' WHERE position = "
                    + position)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            JsonNode report = verify(new Api(port(restarted)));

            assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(position);
        }
    }

    @Test
    void anEventWhoseTimestampIsNoInstantIsReadByTimeAndExportedWhole() throws SQLException {
        Path dataDir = copy(base, TestDataDirs.create("audit-timestamp"));
        String aggregateId;
        try (Connection h2 = h2(dataDir); Statement statement = h2.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT aggregateIdentifier FROM DomainEventEntry"
                    + " WHERE globalIndex = " + target)) {
                assertThat(row.next()).isTrue();
                aggregateId = row.getString(1);
            }
            assertThat(statement.executeUpdate("UPDATE DomainEventEntry SET timeStamp = 'not-a-time'"
                    + " WHERE globalIndex = " + target)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext restarted = start("test", dataDir, STORE)) {
            Api api = new Api(port(restarted));
            String from = "from=2000-01-01T00:00:00Z";

            Api.Response page = api.as("auditor").get("/api/audit/events?limit=1000&" + from);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<JsonNode> items = new java.util.ArrayList<>();
            page.json().get("items").forEach(items::add);
            assertThat(items).anyMatch(item -> item.get("position").asLong() == target
                    && item.get("timestamp").asText().equals("not-a-time"));
            assertThat(items.get(items.size() - 1).get("position").asLong()).isGreaterThan(target);

            Api.Response ofAggregate = api.as("auditor")
                    .get("/api/audit/events?aggregateId=" + aggregateId + "&to=2100-01-01T00:00:00Z");
            assertThat(ofAggregate.status()).as(ofAggregate.toString()).isEqualTo(200);

            Api.Response ndjson = api.as("auditor").header("Accept", "application/x-ndjson")
                    .get("/api/audit/events?" + from);
            assertThat(ndjson.status()).isEqualTo(200);
            assertThat(ndjson.body().lines().filter(line -> !line.isBlank()).count()).isEqualTo(items.size());

            Api.Response csv = api.as("auditor").header("Accept", "text/csv").get("/api/audit/events?" + from);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body()).doesNotContain("\"status\"");
            assertThat(csv.body().lines().count()).isEqualTo(items.size() + 1);

            Api.Response state = api.as("auditor")
                    .get("/api/audit/engagement/" + aggregateId + "/state?asOf=2100-01-01T00:00:00Z");
            assertThat(state.status()).as(state.toString()).isEqualTo(409);
            assertThat(state.body()).contains("readable-timestamp");
        }
    }

    private static byte[] bytes(Connection h2, String column, long position) throws SQLException {
        try (PreparedStatement select = h2.prepareStatement("SELECT " + column
                + " FROM DomainEventEntry WHERE globalIndex = ?")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static void update(Connection h2, String column, long position, byte[] value) throws SQLException {
        try (PreparedStatement update = h2.prepareStatement("UPDATE DomainEventEntry SET " + column
                + " = ? WHERE globalIndex = ?")) {
            update.setBytes(1, value);
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
