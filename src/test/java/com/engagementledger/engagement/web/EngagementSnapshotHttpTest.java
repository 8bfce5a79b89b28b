package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A long-lived engagement is snapshotted after the configured number of events (Jackson, like the events), and
 * keeps deciding correctly when it is loaded from its snapshot.
 */
class EngagementSnapshotHttpTest extends HttpTestSupport {

    @Value("${ledger.snapshot-threshold}")
    int threshold;

    @Test
    void anEngagementIsSnapshottedAndStillDecidesFromItsSnapshot() throws Exception {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        String id = proposeWithoutTrial("snapshot-client", today.toString());
        Api.Call manager = api.as("manager");
        assertThat(manager.post("/api/engagements/" + id + "/activate", (Object) null).status()).isEqualTo(200);
        String seat = org.awaitility.Awaitility.await().until(
                () -> api.as("auditor").get("/api/engagements/" + id),
                response -> response.status() == 200).json().get("seats").get(0).get("seatId").asText();
        for (int i = 0; i < threshold + 5; i++) {
            Api.Response changed = manager.post("/api/engagements/" + id + "/rate-changes", Map.of("seatId", seat,
                    "newRate", 9100 + i, "effectiveDate", today.plusDays(31 + i).toString(), "reason", "step " + i));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
        org.awaitility.Awaitility.await().until(() -> snapshots(id) > 0);
        String payload = new String(jdbc.queryForObject(
                "SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", byte[].class, id));
        assertThat(payload).contains("\"status\":\"ACTIVE\"").contains(seat);

        // Decisions that need the restored state: the seat and its rate rules, and the status.
        Api.Response tooSoon = manager.post("/api/engagements/" + id + "/rate-changes", Map.of("seatId", seat,
                "newRate", 1, "effectiveDate", today.plusDays(3).toString(), "reason", "too soon"));
        assertThat(tooSoon.status()).isEqualTo(422);
        Api.Response lastSeat = manager.post("/api/engagements/" + id + "/seats/" + seat + "/release",
                Map.of("releaseDate", today.plusDays(5).toString()));
        assertThat(lastSeat.status()).isEqualTo(409);
        Api.Response paused = manager.post("/api/engagements/" + id + "/pause", (Object) null);
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("version").asLong()).isEqualTo(threshold + 7L); // proposal, activation, the rate changes, the pause
    }

    private long snapshots(String id) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id);
        return count == null ? 0 : count;
    }
}
