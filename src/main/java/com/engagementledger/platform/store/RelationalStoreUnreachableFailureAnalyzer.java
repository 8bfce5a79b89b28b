package com.engagementledger.platform.store;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start-up that could not connect to the relational store (PostgreSQL not running, wrong host or port,
 * unknown database or user): which URL and user were tried, and which settings point the application elsewhere.
 */
public class RelationalStoreUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException>
        implements Ordered {

    private final Environment environment;

    public RelationalStoreUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!cannotConnect(cause.getSQLState())) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
        String user = environment.getProperty("spring.datasource.username", "");
        return new FailureAnalysis(
                "The relational store (events, deadlines, idempotency keys) cannot be reached at " + url
                        + " as user '" + user + "': " + cause.getMessage(),
                "Start the database server, or point the application at a running one: with the postgres profile "
                        + "set LEDGER_DB_URL, LEDGER_DB_USER and LEDGER_DB_PASSWORD (spring.datasource.url, "
                        + ".username, .password). The database must exist and the user may create tables in it "
                        + "(Flyway creates them). Without the postgres profile the application needs no server: "
                        + "it keeps the relational store in an H2 file under ledger.data-dir.",
                cause);
    }

    /** SQLSTATE classes 08 (connection), 28 (authorization) and 3D000 (no such database). */
    private static boolean cannotConnect(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }

    /** Before Spring Boot's own analyzers, which would describe the bean that failed rather than the store. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
