package com.engagementledger.iptransfer.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The transfers of one engagement in one currency: the periods ({@code YYYY-MM}, oldest first) in each status.
 *
 * @param remaining          what remains to be paid before those not yet assigned are (an assigned transfer,
 *                           contested or not, and a voided one ask for nothing more before assignment: the one is
 *                           assigned already, the other closed)
 * @param contestedShortfall what the client owes on the transfers whose contest is open, amountDue − amountPaid
 *                           summed: assigned, yet no longer fully paid for
 */
public record IpLedgerRow(String clientId, String clientName, String engagementId, String currency,
                          List<String> assigned, List<String> partiallyAssigned, List<String> pending,
                          List<String> suspended, List<String> contested, List<String> voided,
                          BigDecimal remaining, BigDecimal contestedShortfall) {
}
