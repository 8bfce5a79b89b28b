package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as the audit history shows it.
 *
 * @param position      the event store's global index
 * @param timestamp     the timestamp as stored
 * @param aggregateType the API's aggregate type ({@code engagement}, {@code replacement}, ...)
 * @param aggregateId   the aggregate
 * @param sequence      the event's sequence number within its aggregate
 * @param eventType     the event's simple class name
 * @param revision      the payload revision as stored
 * @param payload       the payload as stored
 * @param metadata      the audit metadata
 * @param hash          the audit chain's link at this position (hex); null while the chain has not reached it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventItem(long position, String timestamp, String aggregateType, String aggregateId,
                             long sequence, String eventType, String revision, JsonNode payload,
                             AuditEventMetadata metadata, String hash) {
}
