package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CreditNoteIssued(String invoiceId, String creditNoteId, BigDecimal amount, String currency,
                               LocalDate issuedOn, String reason, InvoiceBalance after) {
}
