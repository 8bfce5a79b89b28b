package com.engagementledger.invoicing.api;

/**
 * One invoice's detail, as the read model has it, as of today (whether it is overdue).
 */
public record FindInvoice(String invoiceId) {
}
