package com.engagementledger.guarantee.api;

import java.math.BigDecimal;

/**
 * A missed SLA of one of the engagement's replacements: its business days late and its service credit (zero for a
 * billable replacement). Until the credit is granted ({@code creditFixed} false) both count up with the days.
 *
 * @param invoiceId the invoice that carried the credit; null until one does
 */
public record GuaranteeBreach(String replacementId, String seatId, int businessDaysLate, BigDecimal creditAmount,
                              boolean creditFixed, String invoiceId) {
}
