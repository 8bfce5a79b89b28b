package com.engagementledger.platform.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys and the responses they produced, in the relational store: they cannot be rebuilt from events.
 * A row without a status is a request in flight.
 */
@Repository
public class IdempotencyStore {

    /** A request in flight for longer than this died with its node; its key may be used again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** The wall clock, not the application's: a request in flight ages in real time, whatever a test clock says. */
    public IdempotencyStore(JdbcTemplate jdbc, @Qualifier("wallClock") Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record StoredResponse(String requestHash, Integer status, String contentType, String location, String etag,
                                 byte[] body, Timestamp createdAt) {
        boolean inFlight() {
            return status == null;
        }
    }

    public Optional<StoredResponse> find(String principal, String key) {
        List<StoredResponse> rows = jdbc.query("""
                SELECT request_hash, status, content_type, location, etag, body, created_at
                FROM idempotency_keys WHERE principal = ? AND idem_key = ?""",
                (rs, i) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getTimestamp(7)),
                principal, key);
        return rows.stream().findFirst();
    }

    /** Claims the key for a new request; false if another request holds it. */
    public boolean claim(String principal, String key, String requestHash) {
        try {
            jdbc.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)",
                    principal, key, requestHash, Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public boolean abandoned(StoredResponse response) {
        return response.inFlight()
                && response.createdAt().toInstant().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    public void complete(String principal, String key, int status, String contentType, String location, String etag,
                         byte[] body) {
        jdbc.update("""
                UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                WHERE principal = ? AND idem_key = ?""",
                status, contentType, location, etag, body, principal, key);
    }

    public void release(String principal, String key) {
        jdbc.update("DELETE FROM idempotency_keys WHERE principal = ? AND idem_key = ?", principal, key);
    }
}
