package com.engagementledger.billing.api;

import java.util.List;

/**
 * Revenue from {@code from} to {@code to} ({@code YYYY-MM}): for every currency with an invoice or a movement in those
 * months, one row per month, zeros included, by month and currency.
 */
public record RevenueView(String from, String to, List<RevenueRow> rows) {

    public RevenueView {
        rows = List.copyOf(rows);
    }
}
