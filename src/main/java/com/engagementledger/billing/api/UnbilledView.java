package com.engagementledger.billing.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Unbilled work as of {@code asOf} of one page of engagements; {@code totalEngagements} counts every engagement,
 * billed or not, that the pages run over.
 */
public record UnbilledView(LocalDate asOf, List<UnbilledRow> rows, int page, int size, long totalEngagements,
                           int totalPages) {

    public UnbilledView {
        rows = List.copyOf(rows);
    }
}
