package com.engagementledger.platform.time;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the test clock's offset in the relational store, so that a restarted demo goes on from the time it had
 * reached instead of jumping back to real time.
 */
class TestClockStore {

    private static final int ROW = 1;

    private final JdbcTemplate jdbc;

    TestClockStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Duration load() {
        List<Long> millis = jdbc.queryForList("SELECT offset_millis FROM test_clock WHERE id = ?", Long.class, ROW);
        return millis.isEmpty() ? Duration.ZERO : Duration.ofMillis(millis.get(0));
    }

    void save(Duration offset) {
        if (jdbc.update("UPDATE test_clock SET offset_millis = ? WHERE id = ?", offset.toMillis(), ROW) == 0) {
            jdbc.update("INSERT INTO test_clock (id, offset_millis) VALUES (?, ?)", ROW, offset.toMillis());
        }
    }
}
