package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.engagementledger.support.RunningLedger.awaitCaughtUp;
import static com.engagementledger.support.RunningLedger.databaseProduct;
import static com.engagementledger.support.RunningLedger.engagementDocuments;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static com.engagementledger.support.RunningLedger.token;

import com.engagementledger.support.Api;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.RunningLedger;
import com.engagementledger.support.TestDataDirs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops and restarts the application on the same data directory: every event, token and read-model document is as
 * it was, and no projection applies an event twice, even when its token is pushed back to the start; on H2 and on
 * PostgreSQL.
 */
class RestartDurabilityTest {

    private static final String GROUP = RunningLedger.ENGAGEMENTS;

    @ParameterizedTest
    @EnumSource(RelationalStore.class)
    void aRestartFindsEveryEventTokenAndDocumentAsItWasAndAppliesNothingTwice(RelationalStore relational) {
        try (PreparedStore store = relational.prepare("restart")) {
            restartFindsEverythingAsItWas(relational, store);
        }
    }

    private void restartFindsEverythingAsItWas(RelationalStore relational, PreparedStore store) {
        Path dataDir = TestDataDirs.create("restart");
        List<Map<String, Object>> events;
        List<Document> documents;
        TrackingToken token;
        try (ConfigurableApplicationContext first = start("test", dataDir, store)) {
            assertThat(databaseProduct(first)).isEqualTo(relational.productName());
            Api api = new Api(port(first));
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            for (int i = 0; i < 5; i++) {
                String id = api.as("manager").post("/api/engagements", proposal("restart-" + i, today))
                        .json().get("id").asText();
                api.as("manager").post("/api/engagements/" + id + "/activate", (Object) null);
                api.as("manager").post("/api/engagements/" + id + "/pause", (Object) null);
            }
            awaitCaughtUp(first);
            events = events(first);
            documents = engagementDocuments(first);
            token = token(first);
            assertThat(events).hasSize(15);
            assertThat(documents).hasSize(5).allSatisfy(doc -> assertThat(doc.get("version")).isEqualTo(2L));
        }

        try (ConfigurableApplicationContext second = start("test", dataDir, store)) {
            assertThat(events(second)).isEqualTo(events);
            assertThat(token(second)).isEqualTo(token);
            awaitCaughtUp(second);
            assertThat(engagementDocuments(second)).isEqualTo(documents);

            // Push the token back to the start without a reset: every event is delivered again, nothing changes.
            EventProcessor processor = second.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(GROUP).orElseThrow();
            processor.shutDown();
            TokenStore tokens = second.getBean(EventProcessingConfiguration.class).tokenStore(GROUP);
            tokens.storeToken(GapAwareTrackingToken.newInstance(-1, List.of()), GROUP, 0);
            processor.start();
            awaitCaughtUp(second);
            assertThat(engagementDocuments(second)).isEqualTo(documents);

            Api api = new Api(port(second));
            String id = documents.get(0).getString("_id");
            assertThat(api.as("manager").post("/api/engagements/" + id + "/resume",
                    Map.of("resumeDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())).status())
                    .isEqualTo(200);
            awaitCaughtUp(second);
            assertThat(second.getBean(MongoTemplate.class).findById(id, Document.class, "engagements"))
                    .extracting(doc -> doc.get("version")).isEqualTo(3L);
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryStopsWithAClearMessage() {
        Path dataDir = TestDataDirs.create("second");
        try (ConfigurableApplicationContext first = start("test", dataDir)) {
            assertThatThrownBy(() -> start("test", dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dataDir.toAbsolutePath().toString())
                    .hasMessageContaining("already in use by another Engagement Ledger instance");
            assertThat(new Api(port(first)).as("auditor").get("/api/engagements").status()).isEqualTo(200);
        }
        FailureAnalysis analysis = new DataDirectoryInUseFailureAnalyzer()
                .analyze(new DataDirectoryInUseException(dataDir));
        assertThat(analysis.getAction()).contains("--ledger.data-dir");
        // once the first has stopped, the directory is free again
        try (ConfigurableApplicationContext again = start("test", dataDir)) {
            assertThat(again.isActive()).isTrue();
        }
    }

    private static List<Map<String, Object>> events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).query(
                "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, payloadType, payload, "
                        + "metaData, timeStamp FROM DomainEventEntry ORDER BY globalIndex",
                (rs, i) -> Map.of("globalIndex", rs.getLong(1), "eventIdentifier", rs.getString(2),
                        "aggregateIdentifier", rs.getString(3), "sequenceNumber", rs.getLong(4),
                        "payloadType", rs.getString(5), "payload", new String(rs.getBytes(6)),
                        "metaData", new String(rs.getBytes(7)), "timeStamp", rs.getString(8)));
    }

    private static Map<String, Object> proposal(String clientId, String startDate) {
        return Map.of("clientId", clientId, "clientName", "Client " + clientId, "roleTitle", "Engineer",
                "currency", "EUR", "billingModel", "MONTHLY", "terms", Map.of("trialDays", 0),
                "seats", List.of(Map.of("professionalId", "pro-" + clientId, "professionalName", "Pat",
                        "rate", new java.math.BigDecimal("9000.00"), "startDate", startDate)));
    }
}
