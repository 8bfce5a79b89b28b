package com.engagementledger.audit.api;

/**
 * One row of the event store as it is stored, before anything is deserialized: what the audit hash chain covers.
 *
 * @param position      the global index (the event store's {@code globalIndex})
 * @param eventId       the event identifier
 * @param aggregateType the aggregate type ({@code type}); null for an event without aggregate
 * @param aggregateId   the aggregate identifier
 * @param sequence      the event's sequence number within its aggregate
 * @param timestamp     the timestamp exactly as stored (an ISO-8601 text)
 * @param eventType     the payload type as stored (the event's class name)
 * @param revision      the payload revision; null when none is stored
 * @param payload       the stored payload bytes (UTF-8 JSON)
 * @param metadata      the stored metadata bytes (UTF-8 JSON); null when none is stored
 */
public record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                          String timestamp, String eventType, String revision, byte[] payload, byte[] metadata) {
}
