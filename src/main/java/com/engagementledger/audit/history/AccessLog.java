package com.engagementledger.audit.history;

import com.engagementledger.audit.api.AuditAccess;
import com.engagementledger.audit.api.AuditAccessPage;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record of who read the audit evidence (ADR 0029), in the relational store's {@code audit_access} table: not
 * events, so that reading neither adds to the history it reads nor moves the hash chain.
 */
public class AccessLog {

    private static final int MAX_FILTER = 2000;
    private static final int MAX_TEXT = 255;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String roles, String endpoint, String filter, int status) {
        jdbc.update("INSERT INTO audit_access (at, actor, roles, endpoint, filter, status) VALUES (?, ?, ?, ?, ?, ?)",
                clock.instant().toString(), cut(actor, MAX_TEXT), cut(roles, MAX_TEXT), cut(endpoint, MAX_TEXT),
                cut(filter == null ? "" : filter, MAX_FILTER), status);
    }

    /** Up to {@code limit} readings after {@code after}, oldest first. */
    public AuditAccessPage after(long after, int limit) {
        List<AuditAccess> items = jdbc.query("SELECT id, at, actor, roles, endpoint, filter, status FROM audit_access"
                        + " WHERE id > ? ORDER BY id LIMIT ?", (rs, row) -> new AuditAccess(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getInt(7)), after, limit + 1);
        if (items.size() <= limit) {
            return new AuditAccessPage(items, null);
        }
        List<AuditAccess> page = List.copyOf(items.subList(0, limit));
        return new AuditAccessPage(page, Long.toString(page.get(limit - 1).id()));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
