package com.engagementledger.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.LedgerApplication;
import com.engagementledger.engagement.query.EngagementDocument;
import com.engagementledger.support.Api;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operations endpoints over HTTP (ADR 0036), in a context of their own with a test read model that can be made to
 * fail or to crawl, and a test process that can be made to stick: every processor listed against the head; a replay
 * that rebuilds a read model equal to what it was, refused for processes, unknown names and while one runs; a poison
 * event parked while the rest flows, listed, and retried after the fix; health down while a processor is stuck;
 * processor lag and Axon's command metrics in Prometheus.
 */
@SpringBootTest(classes = {LedgerApplication.class, OpsTestProcessors.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // small batches: a replay's position moves on with each batch, so that its progress can be watched
        properties = {"ledger.projections.ops-probe.batch-size=5", "ledger.operations.stuck-after=PT2S"})
@ActiveProfiles("test")
@AutoConfigureObservability
class OperationsHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> TestDataDirs.create("ops").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @AfterEach
    void switchesOff() {
        OpsProbeProjection.poisoned = false;
        OpsProbeProjection.millisPerEvent = 0;
        StuckProcess.failing = false;
    }

    @Test
    void everyProcessorIsListedAgainstTheHeadOfTheEventStore() {
        String id = propose("listed");
        awaitAtHead(OpsProbeProjection.NAME);
        JsonNode items = api.as("auditor").get("/api/admin/projections").json().get("items");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        items.forEach(item -> byName.put(item.get("name").asText(), item));
        assertThat(byName).containsKeys("engagements", "invoices", "invoice-issuing", OpsProbeProjection.NAME,
                StuckProcess.NAME);
        JsonNode probe = byName.get(OpsProbeProjection.NAME);
        assertThat(probe.get("kind").asText()).isEqualTo("READ_MODEL");
        assertThat(probe.get("status").asText()).isEqualTo("RUNNING");
        assertThat(probe.get("headPosition").asLong()).isGreaterThanOrEqualTo(probe.get("position").asLong());
        assertThat(probe.get("lag").asLong())
                .isEqualTo(probe.get("headPosition").asLong() - probe.get("position").asLong());
        assertThat(probe.get("segments").asInt()).isEqualTo(1);
        assertThat(probe.get("replay").isNull() || probe.get("replay").isMissingNode()).isTrue();
        assertThat(probe.get("deadLetters").asLong()).isZero();
        assertThat(byName.get("invoice-issuing").get("kind").asText()).isEqualTo("PROCESS");
        assertThat(mongo.findById(id, OpsProbe.class)).isNotNull();
    }

    @Test
    void aReplayRebuildsTheReadModelAsItWasAndShowsItsProgress() {
        for (int i = 0; i < 30; i++) {
            propose("replayed-" + i);
        }
        awaitAtHead(OpsProbeProjection.NAME);
        awaitAtHead("engagements");
        List<Document> probesBefore = documents("ops_probe");
        List<Document> engagementsBefore = documents(mongo.getCollectionName(EngagementDocument.class));
        assertThat(probesBefore).hasSizeGreaterThanOrEqualTo(30);

        OpsProbeProjection.millisPerEvent = 40;
        Api.Response started = api.as("admin").post("/api/admin/projections/ops-probe/replay", (String) null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isEqualTo("REPLAYING");
        assertThat(started.json().at("/replay/startedAt").asText()).isNotBlank();

        Api.Response again = api.as("admin").post("/api/admin/projections/ops-probe/replay", (String) null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body()).contains("replay-under-way");

        JsonNode midway = await().atMost(WAIT).until(() -> api.as("auditor")
                        .get("/api/admin/projections/ops-probe").json(),
                view -> view.at("/replay/progress").asDouble() > 0 && !view.at("/replay/eta").isMissingNode()
                        && !view.at("/replay/eta").isNull());
        assertThat(midway.get("status").asText()).isEqualTo("REPLAYING");
        assertThat(midway.at("/replay/progress").asDouble()).isBetween(0.0, 1.0);
        assertThat(documents("ops_probe")).as("the old read model serves until the new one has caught up")
                .isEqualTo(probesBefore);
        assertThat(documents("ops_probe__rebuild")).as("the new one, rebuilt so far")
                .isNotEmpty().hasSizeLessThan(probesBefore.size());
        assertThat(Duration.parse(midway.at("/replay/eta").asText()).isNegative()).isFalse();

        OpsProbeProjection.millisPerEvent = 0;
        await().atMost(WAIT).until(() -> api.as("auditor").get("/api/admin/projections/ops-probe").json(),
                view -> "RUNNING".equals(view.get("status").asText()) && view.get("lag").asLong() == 0
                        && (view.get("replay") == null || view.get("replay").isNull()));
        assertThat(documents("ops_probe")).as("the rebuilt read model").isEqualTo(probesBefore);
        assertThat(mongo.collectionExists("ops_probe__rebuild")).as("renamed into place").isFalse();

        assertThat(api.as("admin").post("/api/admin/projections/engagements/replay", (String) null).status())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> api.as("auditor").get("/api/admin/projections/engagements").json(),
                view -> "RUNNING".equals(view.get("status").asText()) && view.get("lag").asLong() == 0
                        && (view.get("replay") == null || view.get("replay").isNull()));
        assertThat(documents(mongo.getCollectionName(EngagementDocument.class))).as("the rebuilt engagements")
                .isEqualTo(engagementsBefore);
    }

    @Test
    void replaysAreRefusedForProcessesUnknownNamesAndAllButAdministrators() {
        Api.Response process = api.as("admin").post("/api/admin/projections/ops-stuck/replay", (String) null);
        assertThat(process.status()).as(process.toString()).isEqualTo(409);
        assertThat(process.contentType()).startsWith("application/problem+json");
        assertThat(process.body()).contains("replay-of-a-process").contains("sends commands");

        Api.Response unknown = api.as("admin").post("/api/admin/projections/nothing-like-it/replay", (String) null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(api.as("admin").get("/api/admin/projections/nothing-like-it").status()).isEqualTo(404);

        assertThat(api.as("auditor").post("/api/admin/projections/ops-probe/replay", (String) null).status())
                .isEqualTo(403);
        assertThat(api.as("manager").get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/admin/dead-letters").status()).isEqualTo(401);
    }

    @Test
    void aPoisonEventIsParkedWhileTheRestFlowsAndARetryAfterTheFixSucceeds() {
        OpsProbeProjection.poisoned = true;
        String poison = propose("poison-" + System.nanoTime());
        String fine = propose("fine-after-poison");
        await().atMost(WAIT).until(() -> mongo.findById(fine, OpsProbe.class) != null);

        JsonNode letters = await().atMost(WAIT).until(
                () -> api.as("auditor").get("/api/admin/dead-letters?processingGroup=ops-probe").json(),
                list -> list.get("totalItems").asLong() == 1);
        JsonNode letter = letters.get("items").get(0);
        assertThat(letter.get("processingGroup").asText()).isEqualTo(OpsProbeProjection.NAME);
        assertThat(letter.get("sequenceIdentifier").asText()).isEqualTo(poison);
        assertThat(letter.get("aggregateId").asText()).isEqualTo(poison);
        assertThat(letter.get("aggregateType").asText()).isEqualTo("Engagement");
        assertThat(letter.get("eventType").asText()).endsWith(".EngagementProposed");
        assertThat(letter.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.get("causeMessage").asText()).contains("cannot project client poison-");
        assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
        assertThat(letter.get("retries").asLong()).isZero();
        assertThat(mongo.findById(poison, OpsProbe.class)).isNull();
        assertThat(api.as("auditor").get("/api/admin/projections/ops-probe").json().get("deadLetters").asLong())
                .isEqualTo(1);
        assertThat(api.as("auditor").get("/api/admin/dead-letters").json().get("totalItems").asLong())
                .as("every processor's").isEqualTo(1);

        JsonNode stillBroken = api.as("admin").post("/api/admin/dead-letters/ops-probe/retry", (String) null).json();
        assertThat(stillBroken.get("processed").asLong()).isZero();
        assertThat(stillBroken.get("failed").asLong()).isEqualTo(1);
        assertThat(stillBroken.get("remaining").asLong()).isEqualTo(1);
        assertThat(api.as("auditor").get("/api/admin/dead-letters?processingGroup=ops-probe").json()
                .at("/items/0/retries").asLong()).isEqualTo(1);

        OpsProbeProjection.poisoned = false;
        assertThat(api.as("auditor").post("/api/admin/dead-letters/ops-probe/retry", (String) null).status())
                .as("auditors only read").isEqualTo(403);
        Api.Response fixed = api.as("admin").post("/api/admin/dead-letters/ops-probe/retry", (String) null);
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.json().get("processed").asLong()).isEqualTo(1);
        assertThat(fixed.json().get("remaining").asLong()).isZero();
        assertThat(mongo.findById(poison, OpsProbe.class)).isNotNull();
        assertThat(api.as("auditor").get("/api/admin/dead-letters?processingGroup=ops-probe").json()
                .get("totalItems").asLong()).isZero();

        assertThat(api.as("admin").post("/api/admin/dead-letters/ops-stuck/retry", (String) null).status())
                .as("a process without a dead-letter queue").isEqualTo(409);
        assertThat(api.as("admin").post("/api/admin/dead-letters/nothing-like-it/retry", (String) null).status())
                .isEqualTo(404);
    }

    @Test
    void healthIsDownWhileAProcessorIsStuckAndUpOnceItRecovers() {
        JsonNode up = api.as("admin").get("/actuator/health").json();
        assertThat(up.get("status").asText()).isEqualTo("UP");
        assertThat(up.at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(up.at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(up.at("/components/readModelStore/status").asText()).isEqualTo("UP");
        assertThat(up.at("/components/eventProcessors/details/engagements/status").asText()).isEqualTo("RUNNING");

        StuckProcess.failing = true;
        propose("stuck-" + System.nanoTime());
        await().atMost(WAIT).until(() -> "ERROR".equals(api.as("auditor").get("/api/admin/projections/ops-stuck")
                .json().get("status").asText()));
        assertThat(api.as("admin").get("/actuator/health").status()).as("a failure may pass").isEqualTo(200);
        Api.Response down = await().atMost(WAIT).until(() -> api.as("admin").get("/actuator/health"),
                response -> response.status() == 503);
        assertThat(down.json().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
        assertThat(down.json().at("/components/eventProcessors/details/ops-stuck/status").asText())
                .isEqualTo("ERROR");
        assertThat(down.json().at("/components/eventProcessors/details/ops-stuck/error").asText())
                .contains("stuck on client stuck-");
        Api.Response anonymous = api.anonymous().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(503);
        assertThat(anonymous.json().has("components")).as("details only for operators").isFalse();
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).as("alive all the same")
                .isEqualTo(200);

        StuckProcess.failing = false;
        await().atMost(Duration.ofSeconds(90)).until(() -> api.anonymous().get("/actuator/health").status() == 200);
    }

    @Test
    void prometheusShowsProcessorLagAndAxonsCommandMetrics() {
        propose("metered");
        awaitAtHead("engagements");
        String metrics = api.as("admin").get("/actuator/prometheus").body();
        assertThat(metrics).contains("ledger_processor_lag_events{processor=\"engagements\"}");
        assertThat(metrics).contains("ledger_processor_lag_events{processor=\"ops-probe\"}");
        assertThat(metrics).as("command rate and latency")
                .containsPattern("(?m)^commandBus_successTimer_seconds_count\\{.*ProposeEngagement.*} [1-9]");
        assertThat(metrics).as("processor latency")
                .containsPattern("(?m)^eventProcessor_latency\\{processorName=\"engagements\"}");
    }

    private String propose(String clientId) {
        String today = LocalDate.ofInstant(java.time.Instant.parse(
                api.as("admin").get("/api/admin/clock").json().get("instant").asText()), ZoneOffset.UTC).toString();
        Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                "clientId", clientId, "clientName", "Client " + clientId, "roleTitle", "Backend Engineer",
                "currency", "EUR", "billingModel", "MONTHLY",
                "seats", List.of(Map.of("professionalId", "pro-" + clientId, "professionalName", "Pat Doe",
                        "rate", 9000, "startDate", today))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void awaitAtHead(String name) {
        await().atMost(WAIT).until(() -> api.as("admin").get("/api/admin/projections/" + name).json(),
                view -> view.get("lag") != null && view.get("lag").asLong() == 0);
    }

    private List<Document> documents(String collection) {
        List<Document> all = new ArrayList<>();
        StreamSupport.stream(mongo.getCollection(collection).find().sort(new Document("_id", 1)).spliterator(), false)
                .forEach(all::add);
        return all;
    }
}
