package com.engagementledger.audit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.query.AuditIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An event whose stored timestamp is no instant (a hand-edited row) cannot be placed in time: a selection by time
 * hands it on with its timestamp as stored, and goes on past it, rather than failing or stopping there.
 */
class AuditHistoryTimestampTest {

    private final EventRows rows = mock(EventRows.class);
    private final AuditHistory history = new AuditHistory(rows, mock(AuditIndex.class), new EventJson());

    @Test
    void aSelectionByTimeHandsOnAnUnreadableTimestampAndGoesOnPastIt() {
        List<AuditedEvent> stored = List.of(event(1, "2026-01-01T10:00:00Z"), event(2, "not-a-time"),
                event(3, "2026-03-01T10:00:00Z"), event(4, "2025-01-01T10:00:00Z"));
        when(rows.after(eq(0L), anyInt())).thenReturn(stored);
        when(rows.ofAggregate(eq("e-1"), anyLong(), anyInt())).thenReturn(stored);

        List<Long> from = select(new EventFilter(null, null, null, null, null,
                Instant.parse("2026-01-01T00:00:00Z"), null));
        assertThat(from).containsExactly(1L, 2L, 3L);

        List<Long> until = select(new EventFilter("Engagement", "e-1", null, null, null, null,
                Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(until).containsExactly(1L, 2L, 4L);
    }

    private List<Long> select(EventFilter filter) {
        List<Long> positions = new ArrayList<>();
        long next = history.select(filter, 0, Long.MAX_VALUE, Long.MAX_VALUE,
                event -> positions.add(event.event().position()));
        assertThat(next).isEqualTo(AuditHistory.END);
        return positions;
    }

    private static AuditedEvent event(long position, String timestamp) {
        return new AuditedEvent(new StoredEvent(position, "id-" + position, "Engagement", "e-1", position - 1,
                timestamp, "com.engagementledger.engagement.api.EngagementActivated", null,
                "{}".getBytes(StandardCharsets.UTF_8), null), null);
    }
}
