package com.engagementledger.billing.api;

import java.math.BigDecimal;

/**
 * What one client owed in one currency on the view's date, by days past the due date: {@code current} not yet due
 * (the due date itself included), then 1–30, 31–60, 61–90 and over 90 days past due. Amounts carry the currency's
 * minor digits; {@code total} is their sum, never a sum across currencies.
 */
public record AgingRow(String clientId, String clientName, String currency, BigDecimal current,
                       BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90,
                       BigDecimal total) {
}
