package com.engagementledger.iptransfer.api;

import org.axonframework.serialization.Revision;

/** The invoice was voided: the transfer is closed; a certificate it had stays retrievable, marked void beside it. */
@Revision("1")
public record IpTransferVoided(String ipTransferId, String reason, SourceEvent source, IpTransferStanding after) {
}
