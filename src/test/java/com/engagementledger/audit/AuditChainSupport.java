package com.engagementledger.audit;

import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the audit tests share: making events over HTTP, waiting for the chain to reach the head of the event store,
 * and reaching the H2 file of a stopped application.
 */
final class AuditChainSupport {

    private AuditChainSupport() {
    }

    /** Proposes and activates {@code count} engagements starting today by the application's clock: two events each. */
    static void makeEvents(Api api, String prefix, int count) {
        String today = today(api);
        for (int i = 0; i < count; i++) {
            Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                    "clientId", prefix + "-" + i, "clientName", "Client " + prefix, "roleTitle", "Engineer",
                    "currency", "EUR", "billingModel", "MONTHLY", "terms", Map.of("trialDays", 0),
                    "seats", List.of(Map.of("professionalId", "pro-" + prefix + "-" + i,
                            "professionalName", "Pat Doe", "rate", 9000, "startDate", today))));
            if (created.status() != 201) {
                throw new AssertionError("proposal refused: " + created);
            }
            String id = created.json().get("id").asText();
            Api.Response activated = api.as("manager").post("/api/engagements/" + id + "/activate", (Object) null);
            if (activated.status() != 200) {
                throw new AssertionError("activation refused: " + activated);
            }
        }
    }

    /** The application's day (UTC) by its clock. */
    static String today(Api api) {
        return LocalDate.ofInstant(Instant.parse(api.as("admin").get("/api/admin/clock").json()
                .get("instant").asText()), ZoneOffset.UTC).toString();
    }

    static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? 0 : head;
    }

    static long chained(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT position FROM audit_chain_progress WHERE id = 1", Long.class);
    }

    /** Waits until the chain has decided every position up to the last stored event. */
    static void awaitChained(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long head = head(jdbc);
        await().atMost(Duration.ofSeconds(60)).until(() -> chained(jdbc) >= head);
    }

    /** {@code GET /api/audit/verify} as the auditor. */
    static JsonNode verify(Api api) {
        Api.Response response = api.as("auditor").get("/api/audit/verify");
        if (response.status() != 200) {
            throw new AssertionError("verify answered " + response);
        }
        return response.json();
    }

    /** A JDBC connection to the H2 file of a stopped application's data directory. */
    static Connection h2(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventstore") + ";WRITE_DELAY=0",
                "ledger", "ledger");
    }

    /**
     * A copy of a stopped application's data directory. Its H2 file is shut down first: a closed application's
     * processor threads can still touch it for a moment, and a copy of a file H2 has not closed cleanly may reopen
     * without the last changes made to it (seen in full runs: an edit of the copy's audit tables not seen by the
     * application started on it).
     */
    static Path copy(Path dataDir, Path target) {
        try (Connection h2 = h2(dataDir); java.sql.Statement statement = h2.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut down the H2 file of " + dataDir, e);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copied = target.resolve(dataDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copied);
                } else {
                    Files.copy(file, copied);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
