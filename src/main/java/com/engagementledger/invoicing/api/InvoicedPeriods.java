package com.engagementledger.invoicing.api;

/**
 * What a draft invoice asks of its engagement while it handles {@link VoidInvoice}: to free the draft's period in the
 * same unit of work. Refused (illegal state) once the engagement has closed the period for the invoice: the issue
 * is then under way and completes (ADR 0032); the issued invoice can be voided.
 */
public interface InvoicedPeriods {

    void releaseDraft(String engagementId, String invoiceId);
}
