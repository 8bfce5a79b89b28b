package com.engagementledger.support;

import java.util.List;

/**
 * The relational stores that tests of whole applications run on: H2 in the data directory (the default), and the
 * {@code postgres} profile on the machine's PostgreSQL.
 */
public enum RelationalStore {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String productName;

    RelationalStore(String productName) {
        this.productName = productName;
    }

    /** What the JDBC driver reports as the database product, to check that a test ran where it meant to. */
    public String productName() {
        return productName;
    }

    /**
     * Prepares the store for one test: nothing to do for H2, which lives in the data directory; a fresh database for
     * PostgreSQL, dropped when the result is closed (the test is skipped when PostgreSQL is not reachable, and
     * fails then with {@code LEDGER_REQUIRE_SERVICES=true}).
     */
    public PreparedStore prepare(String purpose) {
        if (this == H2) {
            return new PreparedStore(List.of(), List.of(), () -> { });
        }
        PostgresDatabase database = PostgresDatabase.create(purpose);
        return new PreparedStore(List.of("postgres"), database.arguments(), database::close);
    }
}
