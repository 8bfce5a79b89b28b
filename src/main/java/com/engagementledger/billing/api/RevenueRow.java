package com.engagementledger.billing.api;

import java.math.BigDecimal;

/**
 * One month ({@code YYYY-MM}) in one currency: {@code invoiced} the totals of the invoices issued that month and not
 * voided; {@code collected} the payments less refunds and chargebacks dated that month; {@code credited} the credit
 * notes dated that month.
 */
public record RevenueRow(String month, String currency, BigDecimal invoiced, BigDecimal collected,
                         BigDecimal credited) {
}
