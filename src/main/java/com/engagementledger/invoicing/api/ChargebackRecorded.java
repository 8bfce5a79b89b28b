package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ChargebackRecorded(String invoiceId, String chargebackId, BigDecimal amount, String currency,
                                 LocalDate chargedBackOn, String reason, InvoiceBalance after) {
}
