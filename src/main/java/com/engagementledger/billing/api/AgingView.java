package com.engagementledger.billing.api;

import java.time.LocalDate;
import java.util.List;

/** The aging of every client and currency that owed something on {@code asOf}, by client name and currency. */
public record AgingView(LocalDate asOf, List<AgingRow> rows) {

    public AgingView {
        rows = List.copyOf(rows);
    }
}
