package com.engagementledger.invoicing.api;

/**
 * A page of invoices, newest period first, optionally of one status, client, engagement and period
 * ({@code YYYY-MM}); each filter left null selects all.
 */
public record FindInvoices(InvoiceStatus status, String clientId, String engagementId, String period, int page,
                           int size) {
}
