package com.engagementledger.audit.history;

import com.engagementledger.audit.api.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The event store's rows as stored, with their chain links, by plain JDBC: one aggregate's through the store's own
 * unique index on (aggregateIdentifier, sequenceNumber), others by the primary key, always a bounded batch at a
 * time. Payload and metadata are cast to plain bytes in the query, as {@code ChainStore} explains (H2 would copy each
 * BLOB into a temporary LOB first).
 */
class EventRows {

    private static final String SELECT = "SELECT e.globalIndex, e.eventIdentifier, e.type, e.aggregateIdentifier,"
            + " e.sequenceNumber, e.timeStamp, e.payloadType, e.payloadRevision, CAST(e.payload AS BYTEA),"
            + " CAST(e.metaData AS BYTEA), l.hash"
            + " FROM DomainEventEntry e LEFT JOIN audit_chain_link l ON l.position = e.globalIndex";
    private static final RowMapper<AuditedEvent> ROW = EventRows::row;

    private final JdbcTemplate jdbc;

    EventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events of one aggregate after the position {@code after}, in order. */
    List<AuditedEvent> ofAggregate(String aggregateId, long after, int limit) {
        return jdbc.query(SELECT + " WHERE e.aggregateIdentifier = ? AND e.globalIndex > ?"
                + " ORDER BY e.sequenceNumber LIMIT ?", ROW, aggregateId, after, limit);
    }

    /** Up to {@code limit} events after the position {@code after}, in order. */
    List<AuditedEvent> after(long after, int limit) {
        return jdbc.query(SELECT + " WHERE e.globalIndex > ? ORDER BY e.globalIndex LIMIT ?", ROW, after, limit);
    }

    /** The events at {@code positions} (ascending, a bounded number), in order; a position without one is left out. */
    List<AuditedEvent> at(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        String in = positions.stream().map(position -> "?").collect(Collectors.joining(","));
        return jdbc.query(SELECT + " WHERE e.globalIndex IN (" + in + ") ORDER BY e.globalIndex", ROW,
                positions.toArray());
    }

    private static AuditedEvent row(ResultSet rs, int row) throws SQLException {
        return new AuditedEvent(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)),
                rs.getString(11));
    }
}
