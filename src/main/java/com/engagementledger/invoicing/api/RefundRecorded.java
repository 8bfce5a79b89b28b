package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RefundRecorded(String invoiceId, String refundId, BigDecimal amount, String currency,
                             LocalDate refundedOn, String reason, InvoiceBalance after) {
}
