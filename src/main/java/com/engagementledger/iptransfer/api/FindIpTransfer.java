package com.engagementledger.iptransfer.api;

/** One transfer by id; empty when unknown. */
public record FindIpTransfer(String ipTransferId) {
}
