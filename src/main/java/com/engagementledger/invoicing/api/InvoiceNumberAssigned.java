package com.engagementledger.invoicing.api;

import org.axonframework.serialization.Revision;

/** The year's numbering gave {@code invoiceId} its number; {@code sequence} runs 1, 2, 3... without a gap. */
@Revision("1")
public record InvoiceNumberAssigned(String numberingId, int year, long sequence, String number, String invoiceId) {
}
