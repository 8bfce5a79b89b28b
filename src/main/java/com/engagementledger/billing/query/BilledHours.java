package com.engagementledger.billing.query;

import java.math.BigDecimal;

/** What an issued invoice billed for the hours of one seat at one rate: the sum of its {@code HOURS} lines. */
record BilledHours(String seatId, BigDecimal unitPrice, BigDecimal amount) {
}
