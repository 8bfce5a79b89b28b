package com.engagementledger.iptransfer.api;

import org.axonframework.serialization.Revision;

/** The invoice's dispute was resolved: the transfer stands where its money says ({@code after.status()}). */
@Revision("1")
public record IpTransferReinstated(String ipTransferId, String reason, SourceEvent source,
                                   IpTransferStanding after) {
}
