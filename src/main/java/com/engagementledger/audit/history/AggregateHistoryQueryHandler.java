package com.engagementledger.audit.history;

import com.engagementledger.audit.api.AggregateHistory;
import com.engagementledger.audit.api.AuditEventItem;
import com.engagementledger.audit.api.AuditedAggregates;
import com.engagementledger.audit.api.EventFilter;
import com.engagementledger.audit.api.FindAggregateHistory;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers {@link FindAggregateHistory} from the audit history, the selection the audit API's event list makes for
 * one aggregate, and records the read in the access log.
 */
public class AggregateHistoryQueryHandler {

    private final AuditHistory history;
    private final EventJson json;
    private final AccessLog accessLog;

    public AggregateHistoryQueryHandler(AuditHistory history, EventJson json, AccessLog accessLog) {
        this.history = history;
        this.json = json;
        this.accessLog = accessLog;
    }

    @QueryHandler
    public AggregateHistory find(FindAggregateHistory query) {
        String storedType = AuditedAggregates.storedType(query.aggregateType())
                .orElseThrow(() -> new IllegalArgumentException("no audited aggregate type " + query.aggregateType()));
        EventFilter filter = new EventFilter(storedType, query.aggregateId(), null, null, null, null, null);
        List<AuditEventItem> items = new ArrayList<>();
        long next = history.select(filter, 0, query.limit(), Long.MAX_VALUE, event -> items.add(json.item(event)));
        accessLog.record(query.reader(), query.readerRoles(), query.readVia(),
                "aggregateType=" + query.aggregateType() + "&aggregateId=" + query.aggregateId(), 200);
        return new AggregateHistory(items, next == AuditHistory.END);
    }
}
