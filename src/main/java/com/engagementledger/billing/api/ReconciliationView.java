package com.engagementledger.billing.api;

import java.util.List;

/** The reconciliation rows of one page of engagements, by engagement id and period. */
public record ReconciliationView(List<ReconciliationRow> rows, int page, int size, long totalEngagements,
                                 int totalPages) {

    public ReconciliationView {
        rows = List.copyOf(rows);
    }
}
