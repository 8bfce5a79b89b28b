package com.engagementledger.iptransfer.api;

/**
 * A page of the IP ledger, newest period first, optionally of one client, engagement and status; each filter left
 * null selects all.
 */
public record FindIpTransfers(String clientId, String engagementId, IpTransferStatus status, int page, int size) {
}
