package com.engagementledger.iptransfer.api;

import org.axonframework.serialization.Revision;

/**
 * A contest ended: settled by a later movement ({@code source} names it, {@code reason} null) or released by finance
 * ({@code reason} required, {@code source} null). The transfer is {@code ASSIGNED} again with its original
 * certificate.
 */
@Revision("1")
public record IpTransferContestResolved(String ipTransferId, ContestResolution resolution, String reason,
                                        SourceEvent source, IpTransferStanding after) {
}
