package com.engagementledger.iptransfer.command;

import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.iptransfer.api.IpTransferStanding;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.platform.api.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;

/**
 * What a transfer's invoice is owed and paid, added up from its movements (ADR 0035): sums commute, so the order in
 * which two movements arrive never changes the result. amountDue = total − credit notes; amountPaid = payments −
 * refunds − chargebacks; both in the currency's minor unit.
 */
record TransferMoney(Currency currency, BigDecimal amountDue, BigDecimal amountPaid) {

    static TransferMoney of(Currency currency, BigDecimal total, Collection<NotedMovement> movements) {
        BigDecimal due = total;
        BigDecimal paid = BigDecimal.ZERO;
        for (NotedMovement movement : movements) {
            switch (movement.kind()) {
                case PAYMENT -> paid = paid.add(movement.amount());
                case REFUND, CHARGEBACK -> paid = paid.subtract(movement.amount());
                case CREDIT_NOTE -> due = due.subtract(movement.amount());
                default -> throw new IllegalStateException("unknown movement " + movement.kind());
            }
        }
        return new TransferMoney(currency, minor(currency, due), minor(currency, paid));
    }

    /** Paid plus credited cover the total. */
    boolean settled() {
        return amountPaid.compareTo(amountDue) >= 0;
    }

    /** What remains to be paid before assignment: never below zero. */
    BigDecimal remaining() {
        BigDecimal remaining = amountDue.subtract(amountPaid);
        return remaining.signum() > 0 ? remaining : minor(currency, BigDecimal.ZERO);
    }

    IpTransferStanding standing(IpTransferStatus status) {
        // a voided invoice is owed by nobody: its deliverables are invoiced again, if at all, on another invoice
        BigDecimal owed = status == IpTransferStatus.VOIDED ? minor(currency, BigDecimal.ZERO) : remaining();
        return new IpTransferStanding(amountDue, amountPaid, PaidShare.of(amountPaid, amountDue), owed, status);
    }

    private static BigDecimal minor(Currency currency, BigDecimal amount) {
        return new Money(currency, amount).amount();
    }

    /** One movement of the invoice's money as the transfer noted it. */
    record NotedMovement(InvoiceMovementKind kind, String movementId, BigDecimal amount, long sequence) {
    }
}
