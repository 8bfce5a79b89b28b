package com.engagementledger.audit.api;

import java.time.Instant;

/**
 * Which events an audit query selects; every criterion left null selects all. {@code from} is inclusive, {@code to}
 * exclusive, both compared with the events' stored timestamps.
 *
 * @param aggregateType the stored aggregate type name (see {@link AuditedAggregates})
 * @param aggregateId   one aggregate
 * @param clientId      events of the client's engagements and of everything done on them
 * @param actor         the actor of the audit metadata
 * @param eventType     the event's type: its simple class name, or the stored class name
 * @param from          not before
 * @param to            before
 */
public record EventFilter(String aggregateType, String aggregateId, String clientId, String actor, String eventType,
                          Instant from, Instant to) {

    /** Whether no criterion is set: the whole history, every position. */
    public boolean everything() {
        return aggregateType == null && aggregateId == null && clientId == null && actor == null && eventType == null
                && from == null && to == null;
    }

    /** The simple class name of a stored payload type. */
    public static String simpleName(String storedType) {
        int dot = storedType.lastIndexOf('.');
        int dollar = storedType.lastIndexOf('$');
        return storedType.substring(Math.max(dot, dollar) + 1);
    }
}
