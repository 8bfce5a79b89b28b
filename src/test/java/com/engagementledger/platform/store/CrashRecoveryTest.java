package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.LedgerApplication;
import static com.engagementledger.support.RunningLedger.awaitCaughtUp;
import static com.engagementledger.support.RunningLedger.databaseProduct;
import static com.engagementledger.support.RunningLedger.engagementDocuments;
import static com.engagementledger.support.RunningLedger.start;

import com.engagementledger.support.Api;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.TestDataDirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kills the application with SIGKILL in the middle of a burst of commands: every command it acknowledged is in the
 * event store after a restart, and the read model, rebuilt from the events, says what the events say; on H2 and on
 * PostgreSQL.
 */
class CrashRecoveryTest {

    private static final String TEST_USER_HASH = "$2a$04$0H9T318OhwgkelO6HB7yFeFKjk4PjPOSLiLjViN4YGP1SROJPjk.q";

    @ParameterizedTest
    @EnumSource(RelationalStore.class)
    void aKillDuringACommandBurstLosesNoAcknowledgedCommandAndTheReadModelIsRebuiltFromTheEvents(
            RelationalStore relational) throws Exception {
        try (PreparedStore store = relational.prepare("crash")) {
            killDuringACommandBurst(relational, store);
        }
    }

    private void killDuringACommandBurst(RelationalStore relational, PreparedStore store) throws Exception {
        Path dataDir = TestDataDirs.create("crash");
        int port = freePort();
        Process app = startProcess(dataDir, port, store);
        Set<String> proposed = ConcurrentHashMap.newKeySet();
        Set<String> activated = ConcurrentHashMap.newKeySet();
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> api.anonymous().get("/actuator/health").status() == 200);
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService burst = Executors.newFixedThreadPool(3);
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < 3; client++) {
                int c = client;
                clients.add(burst.submit(() -> sendUntilKilled(api, c, killed, proposed, activated)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> proposed.size() >= 60);
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            killed.set(true);
            for (Future<?> client : clients) {
                client.get(30, TimeUnit.SECONDS);
            }
            burst.shutdown();
        } finally {
            app.destroyForcibly();
        }

        List<Document> afterCrash;
        assertThat(dataDir.resolve("readmodels.open")).as("the killed run left its marker").exists();
        try (ConfigurableApplicationContext restarted = start("test", dataDir, store)) {
            assertThat(databaseProduct(restarted)).isEqualTo(relational.productName());
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            for (String id : proposed) {
                assertThat(sequences(jdbc, id)).as("acknowledged proposal " + id).contains(0L);
            }
            for (String id : activated) {
                assertThat(sequences(jdbc, id)).as("acknowledged activation " + id).contains(1L);
            }
            // The embedded read-model store of a run that did not stop cleanly is discarded and rebuilt from the
            // events: afterwards every engagement's document is at its last event, and says what the events say.
            awaitCaughtUp(restarted);
            afterCrash = engagementDocuments(restarted);
            Map<String, Long> lastSequence = new java.util.HashMap<>();
            jdbc.query("SELECT aggregateIdentifier, MAX(sequenceNumber) FROM DomainEventEntry"
                    + " GROUP BY aggregateIdentifier", rs -> {
                        lastSequence.put(rs.getString(1), rs.getLong(2));
                    });
            assertThat(afterCrash).extracting(doc -> doc.getString("_id"))
                    .containsExactlyInAnyOrderElementsOf(lastSequence.keySet());
            for (Document doc : afterCrash) {
                long last = lastSequence.get(doc.getString("_id"));
                assertThat(doc.get("version")).as("version of " + doc.getString("_id")).isEqualTo(last);
                assertThat(doc.getString("status")).isEqualTo(last == 0 ? "PROPOSED" : "ACTIVE");
            }
        }
        // A clean stop keeps the rebuilt read model as it is.
        assertThat(dataDir.resolve("readmodels.open")).doesNotExist();
        try (ConfigurableApplicationContext again = start("test", dataDir, store)) {
            assertThat(engagementDocuments(again)).isEqualTo(afterCrash);
        }
    }

    private static void sendUntilKilled(Api api, int client, AtomicBoolean killed, Set<String> proposed,
                                        Set<String> activated) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int i = 0; !killed.get(); i++) {
            try {
                Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                        "clientId", "crash-" + client, "clientName", "Crash", "roleTitle", "Engineer",
                        "currency", "EUR", "billingModel", "MONTHLY", "terms", Map.of("trialDays", 0),
                        "seats", List.of(Map.of("professionalId", "p-" + client + "-" + i,
                                "professionalName", "P", "rate", 9000, "startDate", today))));
                if (created.status() != 201) {
                    continue;
                }
                String id = created.json().get("id").asText();
                proposed.add(id);
                if (api.as("manager").post("/api/engagements/" + id + "/activate", (Object) null).status() == 200) {
                    activated.add(id);
                }
            } catch (RuntimeException connectionLost) {
                // the server is gone; only acknowledged commands count
            }
        }
    }

    private static Process startProcess(Path dataDir, int port, PreparedStore store) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "--ledger.data-dir=" + dataDir, "--server.port=" + port,
                "--ledger.security.users[0].username=manager",
                "--ledger.security.users[0].password-hash=" + TEST_USER_HASH,
                "--ledger.security.users[0].roles[0]=ACCOUNT_MANAGER"));
        if (!store.profiles().isEmpty()) {
            command.add("--spring.profiles.active=" + String.join(",", store.profiles()));
        }
        command.addAll(store.arguments());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("killed-instance.log").toFile())
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Long> sequences(JdbcTemplate jdbc, String id) {
        return jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id);
    }

}
