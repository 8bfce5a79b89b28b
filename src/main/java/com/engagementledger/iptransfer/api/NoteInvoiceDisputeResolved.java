package com.engagementledger.iptransfer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The dispute on the transfer's invoice was resolved: the transfer goes back to what its money says (assigned now if
 * it was settled while suspended). Whether a dispute is open is decided by the invoice sequence of the latest
 * dispute or resolution noted, whatever order they arrive in.
 */
public record NoteInvoiceDisputeResolved(@TargetAggregateIdentifier String ipTransferId, String reason,
                                         SourceEvent source) {
}
