package com.engagementledger.audit.query;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The JDBC event store's global index of an event, through its unique index on the event identifier. */
@Component
class JdbcStoredEventPositions implements StoredEventPositions {

    private final JdbcTemplate jdbc;

    JdbcStoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong of(String eventIdentifier) {
        List<Long> found = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                Long.class, eventIdentifier);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }
}
