package com.engagementledger.iptransfer.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The transfer's invoice was voided: the transfer is closed ({@code VOIDED}); its certificate, if any, stays. */
public record NoteInvoiceVoided(@TargetAggregateIdentifier String ipTransferId, String reason, SourceEvent source) {
}
