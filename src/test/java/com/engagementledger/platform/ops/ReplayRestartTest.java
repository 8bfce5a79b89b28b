package com.engagementledger.platform.ops;

import static com.engagementledger.support.RunningLedger.ENGAGEMENTS;
import static com.engagementledger.support.RunningLedger.awaitCaughtUp;
import static com.engagementledger.support.RunningLedger.engagementDocuments;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.platform.store.ReadModelRebuilds;
import com.engagementledger.support.Api;
import com.engagementledger.support.TestDataDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A replay that a stop interrupts, right after its tokens were reset, carries on after the restart into the new
 * collections and switches over once caught up: the read model is as it was before the replay.
 */
class ReplayRestartTest {

    @Test
    void aReplayInterruptedByAStopCarriesOnAfterTheRestartAndSwitchesOver() throws Exception {
        Path dataDir = TestDataDirs.create("replay-restart");
        List<Document> before;
        try (ConfigurableApplicationContext first = start("test", dataDir)) {
            Api api = new Api(port(first));
            for (int i = 0; i < 5; i++) {
                propose(api, "restart-" + i);
            }
            awaitCaughtUp(first);
            before = engagementDocuments(first);
            StreamingEventProcessor processor = first.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ENGAGEMENTS, StreamingEventProcessor.class).orElseThrow();
            // what a replay does before the processor starts again, and then the stop
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
            first.getBean(ReadModelRebuilds.class).begin(ENGAGEMENTS, Instant.parse("2026-03-05T09:00:00Z"));
            processor.resetTokens();
        }
        try (ConfigurableApplicationContext second = start("test", dataDir)) {
            Api api = new Api(port(second));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.as("admin")
                            .get("/api/admin/projections/" + ENGAGEMENTS).json(),
                    view -> "RUNNING".equals(view.get("status").asText()) && view.get("replay").isNull()
                            && view.get("lag").asLong() == 0);
            assertThat(second.getBean(ReadModelRebuilds.class).underWay()).isEmpty();
            assertThat(second.getBean(MongoTemplate.class).collectionExists("engagements__rebuild"))
                    .as("renamed into place").isFalse();
            assertThat(engagementDocuments(second)).isEqualTo(before);
        }
    }

    private static void propose(Api api, String clientId) {
        String today = LocalDate.ofInstant(Instant.parse(
                api.as("admin").get("/api/admin/clock").json().get("instant").asText()), ZoneOffset.UTC).toString();
        Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                "clientId", clientId, "clientName", "Client " + clientId, "roleTitle", "Backend Engineer",
                "currency", "EUR", "billingModel", "MONTHLY",
                "seats", List.of(Map.of("professionalId", "pro-" + clientId, "professionalName", "Pat Doe",
                        "rate", 9000, "startDate", today))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
