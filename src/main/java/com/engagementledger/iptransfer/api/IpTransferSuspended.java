package com.engagementledger.iptransfer.api;

import org.axonframework.serialization.Revision;

/** A dispute on the invoice is open: the transfer is {@code SUSPENDED}. */
@Revision("1")
public record IpTransferSuspended(String ipTransferId, String reason, SourceEvent source, IpTransferStanding after) {
}
