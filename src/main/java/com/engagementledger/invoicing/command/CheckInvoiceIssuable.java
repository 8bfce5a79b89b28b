package com.engagementledger.invoicing.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The first step of issuing ({@link InvoiceIssuing}): the invoice answers its engagement's id if it is a draft, at
 * {@code expectedVersion} when one is given (a stale one fails as every If-Match does). Records nothing.
 */
public record CheckInvoiceIssuable(@TargetAggregateIdentifier String invoiceId,
                                   @TargetAggregateVersion Long expectedVersion) {
}
