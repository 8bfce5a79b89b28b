package com.engagementledger.iptransfer.api;

/**
 * The IP ledger summed up per client and engagement: which periods stand where and what remains to be paid before
 * assignment, per currency; optionally of one client and one engagement (null selects all).
 */
public record FindIpLedger(String clientId, String engagementId) {
}
