package com.engagementledger.invoicing.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** On the engagement: the voided {@code invoiceId} no longer holds its period nor its credits. */
@Revision("1")
public record InvoicedPeriodReopened(String engagementId, String invoiceId, String period,
                                     List<String> creditReplacementIds) {
}
