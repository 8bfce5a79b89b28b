package com.engagementledger.audit.history;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit history over a bare relational store, for the audit benchmark (P5, ChainBenchStore): one aggregate's
 * history is read from the event store alone (the audit index in MongoDB is not asked for it).
 */
public final class AuditHistoryBench {

    private AuditHistoryBench() {
    }

    public static AuditHistory over(JdbcTemplate jdbc) {
        return new AuditHistory(new EventRows(jdbc), null, new EventJson());
    }

    public static EventJson json() {
        return new EventJson();
    }
}
