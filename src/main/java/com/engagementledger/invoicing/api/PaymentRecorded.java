package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentRecorded(String invoiceId, String paymentId, BigDecimal amount, String currency,
                              LocalDate receivedOn, String reference, InvoiceBalance after) {
}
