package com.engagementledger.iptransfer.api;

import java.util.List;

/** A page of the IP ledger. */
public record IpTransferPage(List<IpTransferView> items, int page, int size, long totalItems, int totalPages) {
}
