package com.engagementledger.platform.web;

import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.ForkedLedger;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.TestDataDirs;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGTERM while clients keep sending commands (issue 11 item 6, graceful shutdown): every request already sent when
 * the signal arrives is answered and its command stored; requests that come after the shutdown began are refused
 * cleanly (no connection, or a 503 problem), never with a 500; the JVM exits well within the shutdown grace period.
 */
class GracefulShutdownTest {

    /** spring.lifecycle.timeout-per-shutdown-phase (20 s) for the HTTP drain, and the rest to stop. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(40);

    @Test
    void sigtermFinishesTheCommandsInFlightRefusesLaterOnesCleanlyAndExits() throws Exception {
        try (PreparedStore store = RelationalStore.H2.prepare("graceful")) {
            Path dataDir = TestDataDirs.create("graceful");
            Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            long signalled;
            long exited;
            try (ForkedLedger app = ForkedLedger.start("test", dataDir, store, "terminated.log", List.of())) {
                Api api = app.awaitHealthy();
                String today = LocalDate.ofInstant(Instant.parse(api.as("admin").get("/api/admin/clock").json()
                        .get("instant").asText()), ZoneOffset.UTC).toString();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                List<Future<?>> running = new ArrayList<>();
                for (int client = 0; client < 4; client++) {
                    int c = client;
                    running.add(clients.submit(() -> {
                        for (int i = 0; app.isAlive(); i++) {
                            Outcome outcome = propose(api, "graceful-" + c + "-" + i, today);
                            outcomes.add(outcome);
                            if (outcome.status() == -1) {
                                Thread.sleep(20);
                            }
                        }
                        return null;
                    }));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.stream().filter(Outcome::stored)
                        .count() >= 20);
                signalled = System.nanoTime();
                app.terminate();
                assertThat(app.awaitExit(EXIT_WITHIN)).as("exited within " + EXIT_WITHIN + " of SIGTERM").isTrue();
                exited = System.nanoTime();
                for (Future<?> client : running) {
                    client.get(60, TimeUnit.SECONDS);
                }
                clients.shutdown();
            }
            String log = Files.readString(dataDir.resolve("terminated.log"));
            assertThat(log).as("Tomcat drained its requests").contains("Graceful shutdown complete");

            List<Outcome> sentBefore = outcomes.stream().filter(o -> o.sent() < signalled).toList();
            assertThat(sentBefore).as("requests sent before SIGTERM are answered and stored")
                    .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(201));
            assertThat(sentBefore).as("some were still in flight when the signal came")
                    .anyMatch(o -> o.answered() > signalled);
            assertThat(outcomes).as("after the signal: refused cleanly").allSatisfy(o -> assertThat(
                    o.status() == 201 || o.status() == 503 && o.problem() || o.status() == -1)
                    .as(o.toString()).isTrue());

            try (ConfigurableApplicationContext restarted = start("test", dataDir, store)) {
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                for (Outcome outcome : outcomes) {
                    if (outcome.stored()) {
                        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry"
                                + " WHERE aggregateIdentifier = ?", Long.class, outcome.id()))
                                .as("acknowledged " + outcome).isEqualTo(1L);
                    }
                }
            }
            System.out.printf("graceful shutdown: %d requests, %d acknowledged, %d sent before the signal,"
                            + " exit %d ms after SIGTERM%n", outcomes.size(),
                    outcomes.stream().filter(Outcome::stored).count(), sentBefore.size(),
                    TimeUnit.NANOSECONDS.toMillis(exited - signalled));
        }
    }

    /**
     * One request: when it was sent and answered ({@link System#nanoTime()}), its status (-1: no answer, the
     * connection was refused or closed), whether its body was a problem, and the new engagement's id.
     */
    private record Outcome(long sent, long answered, int status, boolean problem, String id) {
        boolean stored() {
            return status == 201;
        }
    }

    private static Outcome propose(Api api, String client, String start) {
        long sent = System.nanoTime();
        try {
            Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                    "clientId", client, "clientName", "Client " + client, "roleTitle", "Engineer",
                    "currency", "EUR", "billingModel", "MONTHLY",
                    "seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                            "rate", new BigDecimal("9000.00"), "startDate", start))));
            String type = created.contentType();
            return new Outcome(sent, System.nanoTime(), created.status(),
                    type != null && type.startsWith("application/problem+json"),
                    created.status() == 201 ? created.json().get("id").asText() : null);
        } catch (RuntimeException noAnswer) {
            return new Outcome(sent, System.nanoTime(), -1, false, null);
        }
    }
}
