package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain's tables and the event store's rows as stored, by plain JDBC (H2 and PostgreSQL alike). Reads are
 * by ranges of the primary key, so that any amount of history is read a bounded piece at a time.
 */
class ChainStore {

    /**
     * The payload and metadata cast to plain bytes in the query (BYTEA: a binary string in H2 and PostgreSQL alike, the
     * column's own type in PostgreSQL): H2 hands a BLOB column to a result set by first copying each value into a
     * temporary LOB of the database file, which cost more than everything else verification does and grew the file
     * by about the size of the events at every read (docs/benchmarks.md).
     */
    static final String EVENT_COLUMNS = "SELECT globalIndex, eventIdentifier, type, aggregateIdentifier,"
            + " sequenceNumber, timeStamp, payloadType, payloadRevision, CAST(payload AS BYTEA),"
            + " CAST(metaData AS BYTEA) FROM DomainEventEntry";
    private static final RowMapper<StoredEvent> EVENT = ChainStore::event;
    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, row) -> new Checkpoint(rs.getLong("position"),
            rs.getLong("events"), rs.getString("chain_hash"), rs.getString("signed_at"), rs.getString("key_id"),
            rs.getString("signature"));
    private static final String CHECKPOINT_COLUMNS =
            "SELECT position, events, chain_hash, signed_at, key_id, signature FROM audit_checkpoint";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ChainStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    Progress progress() {
        return jdbc.query("SELECT position, hash, events FROM audit_chain_progress WHERE id = 1",
                        (rs, row) -> new Progress(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .stream().findFirst().orElseThrow(AuditChainProgressMissingException::new);
    }

    /** The next {@code limit} events after {@code position}, in order. */
    List<StoredEvent> eventsAfter(long position, int limit) {
        return jdbc.query(EVENT_COLUMNS + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?", EVENT, position,
                limit);
    }

    /** The events from {@code first} to {@code last}, inclusive, in order. */
    List<StoredEvent> events(long first, long last) {
        return jdbc.query(EVENT_COLUMNS + " WHERE globalIndex BETWEEN ? AND ? ORDER BY globalIndex", EVENT, first,
                last);
    }

    /** The recorded positions from {@code first} to {@code last}, inclusive, in order. */
    List<Link> links(long first, long last) {
        return jdbc.query("SELECT position, hash FROM audit_chain_link WHERE position BETWEEN ? AND ?"
                + " ORDER BY position", (rs, row) -> new Link(rs.getLong(1), rs.getString(2)), first, last);
    }

    /** The highest position a link is recorded for; 0 when none is. */
    long lastLinkPosition() {
        Long last = jdbc.queryForObject("SELECT MAX(position) FROM audit_chain_link", Long.class);
        return last == null ? 0 : last;
    }

    /** The link after the last event at or before {@code position} (hex), empty when no event was linked so far. */
    Optional<String> headAt(long position) {
        return jdbc.queryForList("SELECT hash FROM audit_chain_link WHERE position <= ? AND hash IS NOT NULL"
                + " ORDER BY position DESC LIMIT 1", String.class, position).stream().findFirst();
    }

    /**
     * Records {@code links} and moves the progress from {@code from} to {@code to}, in one transaction; false (and
     * nothing recorded) when the progress is no longer {@code from}: another node linked these positions.
     */
    boolean append(Progress from, List<Link> links, Progress to) {
        Boolean appended = transaction.execute(status -> {
            int moved = jdbc.update("UPDATE audit_chain_progress SET position = ?, hash = ?, events = ?"
                    + " WHERE id = 1 AND position = ?", to.position(), to.hash(), to.events(), from.position());
            if (moved == 0) {
                return false;
            }
            jdbc.batchUpdate("INSERT INTO audit_chain_link (position, hash) VALUES (?, ?)", links, links.size(),
                    (statement, link) -> {
                        statement.setLong(1, link.position());
                        statement.setString(2, link.hash());
                    });
            return true;
        });
        return Boolean.TRUE.equals(appended);
    }

    void save(Checkpoint checkpoint) {
        jdbc.update("INSERT INTO audit_checkpoint (position, events, chain_hash, signed_at, key_id, signature)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", checkpoint.position(), checkpoint.events(),
                checkpoint.chainHash(), checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature());
    }

    Optional<Checkpoint> lastCheckpoint() {
        return jdbc.query(CHECKPOINT_COLUMNS + " ORDER BY position DESC LIMIT 1", CHECKPOINT).stream().findFirst();
    }

    /** Up to {@code limit} checkpoints after {@code position}, in order. */
    List<Checkpoint> checkpointsAfter(long position, int limit) {
        return jdbc.query(CHECKPOINT_COLUMNS + " WHERE position > ? ORDER BY position LIMIT ?", CHECKPOINT,
                position, limit);
    }

    Optional<String> activeKeyId() {
        return jdbc.queryForList("SELECT key_id FROM audit_signing_key WHERE retired_at IS NULL", String.class)
                .stream().findFirst();
    }

    /** Makes {@code keyId} the one active key, retiring any other, in one transaction. */
    void activate(String keyId, String publicKeyPem, String at) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("UPDATE audit_signing_key SET retired_at = ? WHERE retired_at IS NULL AND key_id <> ?", at,
                    keyId);
            if (jdbc.update("UPDATE audit_signing_key SET retired_at = NULL WHERE key_id = ?", keyId) == 0) {
                jdbc.update("INSERT INTO audit_signing_key (key_id, public_key, activated_at) VALUES (?, ?, ?)",
                        keyId, publicKeyPem, at);
            }
        });
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }
}
