package com.engagementledger.iptransfer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The transfer's invoice was disputed: the transfer is {@code SUSPENDED} until the dispute is resolved. */
public record NoteInvoiceDisputed(@TargetAggregateIdentifier String ipTransferId, String reason, SourceEvent source) {
}
