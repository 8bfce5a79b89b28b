package com.engagementledger.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * After {@code invoiceId} was voided, the engagement frees its period (it may be drafted again) and its credits
 * (they are due again). Idempotent; never refused.
 */
public record ReopenInvoicedPeriod(@TargetAggregateIdentifier String engagementId, String invoiceId) {
}
