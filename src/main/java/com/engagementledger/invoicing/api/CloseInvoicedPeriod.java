package com.engagementledger.invoicing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The engagement closes the period of its draft {@code invoiceId} for issuing: only once the period has ended in
 * its zone (arrears); it computes the lines a last time under its own lock and records {@link InvoicedPeriodClosed}.
 * From then on a rate or seat change reaching into the period is refused, naming the invoice. Idempotent: closing
 * again answers what was recorded.
 */
public record CloseInvoicedPeriod(@TargetAggregateIdentifier String engagementId, String invoiceId) {
}
