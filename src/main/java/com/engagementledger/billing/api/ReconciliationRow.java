package com.engagementledger.billing.api;

import java.math.BigDecimal;

/**
 * One engagement's month (ADR 0034). {@code expected}: the work lines of the month as the engagement's terms, seats
 * and timesheets give them now, plus the service credits carried by the month's issued invoice; {@code invoiced}:
 * totals of its issued, not voided invoices; {@code paid}: payments less refunds and chargebacks; {@code credited}:
 * credit notes; {@code outstanding} = invoiced − paid − credited; {@code difference} = expected − invoiced;
 * {@code flagged} when the difference of an invoiced month is not zero or the month has ended without an issued
 * invoice while something was expected ({@code flagReason} {@code DIFFERENCE} or {@code NOT_INVOICED}, else null).
 */
public record ReconciliationRow(String engagementId, String period, String currency, BigDecimal expected,
                                BigDecimal invoiced, BigDecimal paid, BigDecimal credited, BigDecimal outstanding,
                                BigDecimal difference, boolean flagged, String flagReason) {
}
