package com.engagementledger.audit.history;

import com.engagementledger.audit.api.AuditEventItem;
import com.engagementledger.audit.api.AuditEventMetadata;
import com.engagementledger.audit.api.AuditedAggregates;
import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.ExportFormat;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.platform.api.AuditMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A stored event as an item of the audit history. */
public class EventJson {

    public AuditEventItem item(AuditedEvent audited) {
        StoredEvent event = audited.event();
        return new AuditEventItem(event.position(), event.timestamp(),
                event.aggregateType() == null ? null : AuditedAggregates.apiType(event.aggregateType()),
                event.aggregateId(), event.sequence(), EventFilter.simpleName(event.eventType()), event.revision(),
                ExportFormat.parse(event.payload()), metadata(metadata(event)), audited.hash());
    }

    /** The stored metadata, parsed; null when there is none or it is not JSON. */
    public JsonNode metadata(StoredEvent event) {
        return ExportFormat.parse(event.metadata());
    }

    static AuditEventMetadata metadata(JsonNode metadata) {
        if (metadata == null) {
            return new AuditEventMetadata(null, List.of(), null, null, null, null);
        }
        List<String> roles = new ArrayList<>();
        JsonNode stored = metadata.get(AuditMetadata.ROLES);
        if (stored != null && stored.isArray()) {
            stored.forEach(role -> roles.add(role.asText()));
        } else if (stored != null && !stored.isNull()) {
            for (String role : stored.asText().split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        }
        return new AuditEventMetadata(text(metadata, AuditMetadata.ACTOR), roles,
                text(metadata, AuditMetadata.REASON), text(metadata, AuditMetadata.CORRELATION_ID),
                text(metadata, AuditMetadata.CAUSATION_ID), text(metadata, AuditMetadata.REQUEST_ID));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
