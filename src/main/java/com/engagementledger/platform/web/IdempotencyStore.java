package com.engagementledger.platform.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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

    /**
     * Claims the key for a new request: the claim's time, which identifies the claim from then on, or empty if
     * another request holds the key. Milliseconds, so that every store keeps the time exactly as it was given.
     */
    public Optional<Timestamp> claim(String principal, String key, String requestHash) {
        Timestamp claimedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            jdbc.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)",
                    principal, key, requestHash, claimedAt);
            return Optional.of(claimedAt);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    public boolean abandoned(StoredResponse response) {
        return response.inFlight()
                && response.createdAt().toInstant().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    /** Keeps the response of the request that holds the claim made at {@code claimedAt}, if it still holds it. */
    public void complete(String principal, String key, Timestamp claimedAt, int status, String contentType,
                         String location, String etag, byte[] body) {
        jdbc.update("""
                UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                WHERE principal = ? AND idem_key = ? AND status IS NULL AND created_at = ?""",
                status, contentType, location, etag, body, principal, key, claimedAt);
    }

    /**
     * Releases the in-flight claim made at {@code claimedAt}, and only that one: a claim another request has made
     * since (after this one was taken for abandoned) stays.
     */
    public void release(String principal, String key, Timestamp claimedAt) {
        jdbc.update("DELETE FROM idempotency_keys WHERE principal = ? AND idem_key = ? AND status IS NULL"
                + " AND created_at = ?", principal, key, claimedAt);
    }
}
