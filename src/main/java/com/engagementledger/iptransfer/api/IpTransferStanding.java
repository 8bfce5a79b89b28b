package com.engagementledger.iptransfer.api;

import java.math.BigDecimal;

/**
 * Where a transfer stands after one of its events, all amounts in the invoice's currency with its minor digits.
 *
 * @param amountDue  what the client owes for the deliverables: the invoice total less credit notes
 * @param amountPaid what the client has paid and kept: payments less refunds and chargebacks
 * @param paidShare  amountPaid ÷ amountDue, between 0 and 1, exact decimal rounded down at 10 places (a share never
 *                   reads 1 before the transfer is paid for; ADR 0035); 1 when nothing is due
 * @param remaining  what the client still owes for these deliverables, max(0, amountDue − amountPaid); before
 *                   assignment, what remains to be paid for it; 0 once the invoice is voided
 * @param status     the transfer's status after the event
 */
public record IpTransferStanding(BigDecimal amountDue, BigDecimal amountPaid, BigDecimal paidShare,
                                 BigDecimal remaining, IpTransferStatus status) {
}
