package com.engagementledger.audit.history;

import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.query.AuditIndex;
import com.engagementledger.platform.api.AuditMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Selects events of the audit history in position order (ADR 0029). One aggregate's come from the event store's own
 * index; a client's, an actor's, an event type's or an aggregate type's from the positions of the audit index's
 * posting list (the most selective given, in that order), read from the event store by position; otherwise the
 * event store is read by position. The remaining criteria are checked on each event as stored.
 */
public class AuditHistory {

    /** Events read from the store per round. */
    static final int BATCH = 500;
    /** What the end of a selection is told by, instead of a cursor. */
    public static final long END = -1;

    private final EventRows rows;
    private final AuditIndex index;
    private final EventJson json;

    public AuditHistory(EventRows rows, AuditIndex index, EventJson json) {
        this.rows = rows;
        this.index = index;
        this.json = json;
    }

    /**
     * Hands the events {@code filter} selects after position {@code after} to {@code sink}, in order, until
     * {@code limit} were handed or {@code scanLimit} were read; answers the position to go on after, or
     * {@link #END} when the selection is exhausted.
     */
    public long select(EventFilter filter, long after, long limit, long scanLimit, Consumer<AuditedEvent> sink) {
        Map<String, String> clients = new HashMap<>();
        long cursor = after;
        long taken = 0;
        long read = 0;
        while (true) {
            Batch batch = next(filter, cursor);
            for (AuditedEvent event : batch.events()) {
                read++;
                if (matches(filter, event, clients)) {
                    sink.accept(event);
                    if (++taken == limit) {
                        return event.event().position();
                    }
                }
            }
            if (!batch.more()) {
                return END;
            }
            cursor = batch.last();
            if (read >= scanLimit) {
                return cursor;
            }
        }
    }

    /** The event at {@code position} with its link, if the store holds one there. */
    public java.util.Optional<AuditedEvent> at(long position) {
        return rows.at(List.of(position)).stream().findFirst();
    }

    /**
     * One round of reading: the events, whether the source may have more, and the position it got to (a posting
     * list's last position, also when the event there is gone).
     */
    private record Batch(List<AuditedEvent> events, boolean more, long last) {
        static Batch of(List<AuditedEvent> events) {
            return new Batch(events, events.size() == BATCH,
                    events.isEmpty() ? END : events.get(events.size() - 1).event().position());
        }
    }

    private Batch next(EventFilter filter, long after) {
        if (filter.aggregateId() != null) {
            return Batch.of(rows.ofAggregate(filter.aggregateId(), after, BATCH));
        }
        String key = filter.clientId() != null ? AuditIndex.clientKey(filter.clientId())
                : filter.actor() != null ? AuditIndex.actorKey(filter.actor())
                : filter.eventType() != null ? AuditIndex.typeKey(EventFilter.simpleName(filter.eventType()))
                : filter.aggregateType() != null ? AuditIndex.aggregateKey(filter.aggregateType())
                : null;
        if (key == null) {
            return Batch.of(rows.after(after, BATCH));
        }
        List<Long> positions = index.positionsAfter(key, after, BATCH);
        return new Batch(rows.at(positions), positions.size() == BATCH,
                positions.isEmpty() ? END : positions.get(positions.size() - 1));
    }

    private boolean matches(EventFilter filter, AuditedEvent audited, Map<String, String> clients) {
        StoredEvent event = audited.event();
        if (filter.aggregateType() != null && !filter.aggregateType().equals(event.aggregateType())) {
            return false;
        }
        if (filter.aggregateId() != null && !filter.aggregateId().equals(event.aggregateId())) {
            return false;
        }
        if (filter.eventType() != null && !filter.eventType().equals(event.eventType())
                && !filter.eventType().equals(EventFilter.simpleName(event.eventType()))) {
            return false;
        }
        if (filter.from() != null || filter.to() != null) {
            Instant at = instant(event.timestamp());
            // an event whose stored timestamp is no instant (a damaged or hand-edited row) cannot be placed in time:
            // it is selected, with its timestamp as stored, rather than left out of the auditor's reading unseen
            if (at != null && (filter.from() != null && at.isBefore(filter.from())
                    || filter.to() != null && !at.isBefore(filter.to()))) {
                return false;
            }
        }
        if (filter.actor() != null) {
            JsonNode metadata = json.metadata(event);
            JsonNode actor = metadata == null ? null : metadata.get(AuditMetadata.ACTOR);
            if (actor == null || !filter.actor().equals(actor.asText())) {
                return false;
            }
        }
        if (filter.clientId() != null && filter.aggregateId() != null) {
            // otherwise the events come from the client's own posting list, which holds exactly the client's events
            // (a timesheet's or an invoice number's too, whose aggregate alone names no client)
            String client = clients.computeIfAbsent(event.aggregateId(), id -> {
                String known = index.clientOf(id);
                return known == null ? "" : known;
            });
            return filter.clientId().equals(client);
        }
        return true;
    }

    /** The stored timestamp as an instant; null when it is none. */
    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
