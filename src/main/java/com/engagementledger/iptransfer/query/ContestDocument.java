package com.engagementledger.iptransfer.query;

import java.math.BigDecimal;
import java.time.Instant;

/** The open or last contest of a transfer; {@code resolvedAt} is null while it is open. */
record ContestDocument(String kind, String movementId, BigDecimal shortfall, Instant contestedAt, String resolution,
                       String reason, Instant resolvedAt) {
}
