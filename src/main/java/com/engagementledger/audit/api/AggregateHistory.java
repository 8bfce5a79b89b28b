package com.engagementledger.audit.api;

import java.util.List;

/**
 * An aggregate's events, oldest first; {@code complete} is false when there were more than the query's limit.
 */
public record AggregateHistory(List<AuditEventItem> items, boolean complete) {

    public AggregateHistory {
        items = List.copyOf(items);
    }
}
