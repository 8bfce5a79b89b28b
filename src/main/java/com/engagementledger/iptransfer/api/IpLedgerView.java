package com.engagementledger.iptransfer.api;

import java.util.List;

/**
 * The IP ledger summary (issue 8, item 4): one row per client, engagement and currency, ordered by client and
 * engagement, and the totals per currency. {@code clientId} and {@code engagementId} echo the filters (null: all).
 */
public record IpLedgerView(String clientId, String engagementId, List<IpLedgerRow> rows,
                           List<IpLedgerTotal> totals) {
}
