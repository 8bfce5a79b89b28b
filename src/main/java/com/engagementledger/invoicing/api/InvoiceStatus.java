package com.engagementledger.invoicing.api;

/**
 * Where an invoice stands (DESIGN.md §3). {@code OVERDUE} is not a status: it is derived from the due date and the
 * balance on the day asked.
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID
}
