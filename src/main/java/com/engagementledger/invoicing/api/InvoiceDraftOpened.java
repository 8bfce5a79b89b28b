package com.engagementledger.invoicing.api;

import org.axonframework.serialization.Revision;

/** On the engagement: the period {@code YYYY-MM} has a draft invoice; no second invoice is drafted for it. */
@Revision("1")
public record InvoiceDraftOpened(String engagementId, String invoiceId, String period) {
}
