package com.engagementledger.invoicing.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** @param wasIssued whether it had been issued (it keeps its number) or was a draft */
@Revision("1")
public record InvoiceVoided(String invoiceId, String engagementId, String period, boolean wasIssued,
                            LocalDate voidedOn, String reason) {
}
