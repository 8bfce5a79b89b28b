package com.engagementledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.LedgerApplication;
import com.engagementledger.engagement.query.EngagementProjection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.engagementledger.support.TestDataDirs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read model declared by a feature alone: its settings come from {@code ledger.projections.<name>}, and an ordered
 * one sees every event in the order of the event store, with its token in MongoDB beside its documents (so that it is
 * rebuilt with them when the read-model store is discarded) and no dead letters.
 */
@SpringBootTest(classes = {LedgerApplication.class, ReadModelKitApplicationTest.OrderedReadModel.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.projections.engagements.segments=2")
@ActiveProfiles("test")
class ReadModelKitApplicationTest {

    /** Declared the way a feature declares its read model; not scanned, so only this context has it. */
    static class OrderedReadModel {
        @Bean
        ReadModel journalReadModel() {
            return JournalProjection.READ_MODEL;
        }

        @Bean
        JournalProjection journalProjection(BatchedWrites writes) {
            return new JournalProjection(writes);
        }
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> TestDataDirs.create("kit").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void anOrderedReadModelSeesEveryEventInTheStoresOrderAndKeepsItsTokenBesideItsDocuments() {
        LocalDate today = LocalDate.ofInstant(
                java.time.Instant.parse(api.as("admin").get("/api/admin/clock").json().get("instant").asText()),
                ZoneOffset.UTC);
        List<String> proposed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Response created = api.as("manager").post("/api/engagements",
                    proposalBody("journal-" + i, today.toString()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            proposed.add(created.json().get("id").asText());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Journal journal = mongo.findById(JournalProjection.ONE, Journal.class);
            return journal != null && journal.proposals.size() == proposed.size();
        });
        List<Long> order = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier IN ("
                + String.join(",", proposed.stream().map(id -> "'" + id + "'").toList())
                + ") ORDER BY globalIndex", Long.class);
        assertThat(order).hasSize(proposed.size());
        assertThat(mongo.findById(JournalProjection.ONE, Journal.class).proposals).containsExactlyElementsOf(proposed);

        assertThat(mongo.getCollection("axon_tracking_tokens").countDocuments(
                new org.bson.Document("processorName", JournalProjection.NAME))).as("its token is in MongoDB")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM TokenEntry WHERE processorName = ?", Long.class,
                JournalProjection.NAME)).isZero();
        assertThat(processing.deadLetterQueue(JournalProjection.NAME)).as("no dead letters").isEmpty();
        assertThat(processing.deadLetterQueue(EngagementProjection.PROCESSING_GROUP)).isPresent();

        assertThat(api.as("manager").post("/api/engagements/" + proposed.get(0) + "/trial", (Object) null).status())
                .isEqualTo(200);
        Api.Response moved = api.as("admin").post("/api/admin/clock", java.util.Map.of("advanceBy", "PT1S"));
        assertThat(moved.json().get("processorsBehind")).as("also the journal, which skips the trial's events")
                .isEmpty();
    }

    @Test
    void segmentsComeFromTheReadModelsSettings() {
        StreamingEventProcessor engagements = processing
                .eventProcessor(EngagementProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> engagements.processingStatus().size() == 2);
        StreamingEventProcessor journal = processing
                .eventProcessor(JournalProjection.NAME, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.processingStatus().size() == 1);
    }

    private static java.util.Map<String, Object> proposalBody(String clientId, String startDate) {
        return java.util.Map.of(
                "clientId", clientId, "clientName", "Client " + clientId, "roleTitle", "Backend Engineer",
                "currency", "EUR", "billingModel", "MONTHLY",
                "seats", List.of(java.util.Map.of("professionalId", "pro-" + clientId,
                        "professionalName", "Pat Doe", "rate", 9000, "startDate", startDate)));
    }
}
