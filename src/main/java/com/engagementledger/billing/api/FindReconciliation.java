package com.engagementledger.billing.api;

import java.time.YearMonth;

/**
 * Expected against invoiced, paid and credited per engagement and period.
 *
 * @param engagementId one engagement, or null for a page of every engagement (by engagement id)
 * @param period       one month, or null: every month of the engagement from its first billed month to the last
 *                     ended one (one engagement), or the last ended month (every engagement)
 */
public record FindReconciliation(String engagementId, YearMonth period, int page, int size) {
}
