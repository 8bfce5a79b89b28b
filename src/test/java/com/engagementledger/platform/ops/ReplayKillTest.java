package com.engagementledger.platform.ops;

import static com.engagementledger.support.RunningLedger.ENGAGEMENTS;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.platform.store.ReadModelRebuilds;
import com.engagementledger.support.Api;
import com.engagementledger.support.ForkedLedger;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.ReadModelHashes;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGKILL in the middle of a blue/green replay of the engagement read model (ADR 0036, issue 11 item 4): until the
 * kill the old read model keeps answering with everything it held; after the restart no rebuild is left half done
 * (no shadow collection, no rebuild record), and the read model has exactly the content of a replay from the first
 * event. The embedded read-model store of a killed run is discarded and rebuilt whole (EmbeddedStoresInitializer),
 * so this is the path a kill takes here; a replay interrupted by a clean stop resumes into its shadows
 * ({@link ReplayRestartTest}).
 */
class ReplayKillTest {

    private static final int ENGAGEMENT_COUNT = 160;
    /** One event per batch: a replay of a few hundred events lasts long enough to be caught in the middle. */
    private static final List<String> SLOW_REPLAY = List.of("--ledger.projections." + ENGAGEMENTS + ".batch-size=1");

    @Test
    void aKillDuringAReplayLeavesNoHalfRebuiltReadModelAndTheOldOneServedUntilTheKill() throws Exception {
        Path dataDir = TestDataDirs.create("replay-kill");
        PreparedStore store = new PreparedStore(List.of(), SLOW_REPLAY, () -> { });
        List<String> ids;
        try (ForkedLedger app = ForkedLedger.start("test", dataDir, store, "killed.log", List.of())) {
            Api api = app.awaitHealthy();
            ids = proposeMany(api);
            ReadModelHashes.awaitCaughtUp(api);
            assertThat(total(api)).isEqualTo(ENGAGEMENT_COUNT);

            Api.Response replay = api.as("admin").post("/api/admin/projections/" + ENGAGEMENTS + "/replay",
                    (String) null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            JsonNode midway = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .until(() -> api.as("admin").get("/api/admin/projections/" + ENGAGEMENTS).json(),
                            view -> view.path("replay").path("progress").asDouble() > 0
                                    || view.path("replay").isNull() && !"REPLAYING".equals(view.path("status")
                                    .asText()) && view.path("lag").asLong() == 0);
            assertThat(midway.path("replay").isNull()).as("the replay was caught in the middle: " + midway)
                    .isFalse();
            assertThat(midway.path("replay").path("progress").asDouble()).as(midway.toString()).isLessThan(1.0);
            // the old read model answers as before while the new one is being built
            assertThat(total(api)).as("engagements listed during the replay").isEqualTo(ENGAGEMENT_COUNT);
            assertThat(api.as("auditor").get("/api/engagements/" + ids.get(ids.size() - 1)).status())
                    .isEqualTo(200);
            app.kill();
        }

        try (ConfigurableApplicationContext restarted = start("test", dataDir, store)) {
            Api api = new Api(port(restarted));
            ReadModelHashes.awaitCaughtUp(api);
            assertThat(restarted.getBean(ReadModelRebuilds.class).underWay()).as("rebuilds under way").isEmpty();
            assertThat(restarted.getBean(MongoTemplate.class).collectionExists("engagements__rebuild")).isFalse();
            assertThat(total(api)).isEqualTo(ENGAGEMENT_COUNT);
            Long proposals = restarted.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%.EngagementProposed'", Long.class);
            assertThat(proposals).isEqualTo((long) ENGAGEMENT_COUNT);
            Map<String, String> afterRestart = ReadModelHashes.of(restarted);

            ReadModelHashes.replayAll(restarted, api);
            assertThat(ReadModelHashes.of(restarted)).as("read models after a replay from the first event")
                    .isEqualTo(afterRestart);
        }
    }

    private static List<String> proposeMany(Api api) throws Exception {
        String today = LocalDate.ofInstant(Instant.parse(api.as("admin").get("/api/admin/clock").json()
                .get("instant").asText()), ZoneOffset.UTC).toString();
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int c = client;
                sent.add(clients.submit(() -> {
                    for (int i = 0; i < ENGAGEMENT_COUNT / 4; i++) {
                        String name = "replay-kill-" + c + "-" + i;
                        Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                                "clientId", name, "clientName", "Client " + name, "roleTitle", "Engineer",
                                "currency", "EUR", "billingModel", "MONTHLY",
                                "seats", List.of(Map.of("professionalId", "pro-" + name, "professionalName", "Pat",
                                        "rate", new BigDecimal("9000.00"), "startDate", today))));
                        assertThat(created.status()).as(created.toString()).isEqualTo(201);
                        ids.add(created.json().get("id").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> client : sent) {
                client.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdown();
        }
        return List.copyOf(ids);
    }

    private static int total(Api api) {
        Api.Response list = api.as("auditor").get("/api/engagements?size=1");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("totalItems").asInt();
    }
}
