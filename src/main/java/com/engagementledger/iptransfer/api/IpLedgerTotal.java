package com.engagementledger.iptransfer.api;

import java.math.BigDecimal;

/**
 * What remains to be paid before assignment, and the open contests' shortfall, over every row of one currency;
 * currencies are never added up.
 */
public record IpLedgerTotal(String currency, int transfers, BigDecimal remaining, BigDecimal contestedShortfall) {
}
