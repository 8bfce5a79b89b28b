package com.engagementledger.audit;

import static com.engagementledger.audit.AuditChainSupport.awaitChained;
import static com.engagementledger.audit.AuditChainSupport.makeEvents;
import static com.engagementledger.audit.AuditChainSupport.verify;
import static com.engagementledger.support.RunningLedger.databaseProduct;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.RequiresPostgres;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain on PostgreSQL: built and verified, an edit of a stored payload reported at its position, the signing key
 * kept in the configured key directory. (The edits of a stopped store are tested on H2, {@link AuditTamperingTest}.)
 */
@RequiresPostgres
class AuditOnPostgresTest {

    @Test
    void anEditedPayloadIsReportedAtItsPositionOnPostgresql() {
        try (PreparedStore store = RelationalStore.POSTGRESQL.prepare("audit")) {
            Path dataDir = TestDataDirs.create("audit-postgres");
            try (ConfigurableApplicationContext ledger = start("test", dataDir, store)) {
                assertThat(databaseProduct(ledger)).isEqualTo("PostgreSQL");
                assertThat(Files.exists(dataDir.resolve("audit-keys").resolve("current"))).isTrue();
                Api api = new Api(port(ledger));
                makeEvents(api, "postgres", 4);
                awaitChained(ledger);
                assertThat(verify(api).get("ok").asBoolean()).isTrue();
                JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
                long target = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry"
                        + " WHERE payloadType LIKE '%EngagementProposed'", Long.class);

                // straight to the database, as a DBA's edit would go
                jdbc.update("UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " 'Pat Doe', 'Pat Dough'), 'UTF8') WHERE globalIndex = ?", target);
                JsonNode report = verify(api);

                assertThat(report.get("ok").asBoolean()).isFalse();
                assertThat(report.get("firstBadPosition").asLong()).as(report.toString()).isEqualTo(target);
                assertThat(report.get("problem").asText()).contains("altered");
            }
        }
    }
}
