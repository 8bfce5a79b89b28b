package com.engagementledger.invoicing.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InvoiceDisputed(String invoiceId, String reason, LocalDate disputedOn) {
}
