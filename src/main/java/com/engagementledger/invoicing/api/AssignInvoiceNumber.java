package com.engagementledger.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the numbering of {@code year} (aggregate id {@link InvoiceNumbers#idOf}) for the next number for
 * {@code invoiceId}; the same number again when it already has one. The result is the number {@code INV-YYYY-NNNNNN}.
 */
public record AssignInvoiceNumber(@TargetAggregateIdentifier String numberingId, int year, String invoiceId) {
}
