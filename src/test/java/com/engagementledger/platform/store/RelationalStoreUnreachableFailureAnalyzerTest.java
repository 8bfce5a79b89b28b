package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.FailedStart;
import com.engagementledger.support.TestDataDirs;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * PostgreSQL unreachable at start-up: the operator reads where the application looked and what to set, instead of a
 * trace through Flyway whose cause is at its end.
 */
@ExtendWith(OutputCaptureExtension.class)
class RelationalStoreUnreachableFailureAnalyzerTest {

    @Test
    void aStartWithThePostgresProfileAndNoServerSaysWhereItLookedAndWhatToSet(CapturedOutput output) {
        String url = "jdbc:postgresql://127.0.0.1:" + FailedStart.closedPort() + "/ledger";
        FailedStart start = FailedStart.of("postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=ledger", "--spring.data.mongodb.uri=",
                "--ledger.data-dir=" + TestDataDirs.create("no-postgres"), "--server.port=0");

        FailureAnalysis analysis = new RelationalStoreUnreachableFailureAnalyzer(
                new MockEnvironment().withProperty("spring.datasource.url", url)
                        .withProperty("spring.datasource.username", "ledger"))
                .analyze(start.failure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("cannot be reached at " + url + " as user 'ledger'")
                .contains("refused");
        assertThat(analysis.getAction()).contains("LEDGER_DB_URL", "LEDGER_DB_USER", "LEDGER_DB_PASSWORD");
        // registered: Spring Boot reports it in place of the trace
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("cannot be reached at " + url)
                .contains("Start the database server, or point the application at a running one");
    }

    @Test
    void otherDatabaseErrorsAreLeftToOtherAnalyzers() {
        assertThat(new RelationalStoreUnreachableFailureAnalyzer(new MockEnvironment())
                .analyze(new SQLException("syntax error", "42601"))).isNull();
    }
}
