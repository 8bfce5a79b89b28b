package com.engagementledger.billing.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued invoice as the views compute with it (read from {@link BilledInvoiceDocument}, only the fields needed).
 * Its money on a day follows from the movements dated by then.
 */
record BilledInvoice(String invoiceId, String engagementId, String clientId, String clientName, String currency,
                     String period, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
                     BigDecimal serviceCredits, LocalDate voidedOn, List<Movement> movements) {

    BilledInvoice {
        movements = List.copyOf(movements);
    }

    /** Issued on or before {@code day} and not voided by then. */
    boolean standingOn(LocalDate day) {
        return !issueDate.isAfter(day) && (voidedOn == null || voidedOn.isAfter(day));
    }

    boolean voided() {
        return voidedOn != null;
    }

    /** total − payments + refunds + chargebacks − credit notes, counting the movements dated on or before {@code day}. */
    BigDecimal balanceOn(LocalDate day) {
        BigDecimal balance = total;
        for (Movement movement : movements) {
            if (movement.date().isAfter(day)) {
                continue;
            }
            balance = switch (movement.kind()) {
                case PAYMENT, CREDIT_NOTE -> balance.subtract(movement.amount());
                case REFUND, CHARGEBACK -> balance.add(movement.amount());
            };
        }
        return balance;
    }

    /** Payments less refunds and chargebacks, every one so far. */
    BigDecimal netPaid() {
        BigDecimal net = total.subtract(total);
        for (Movement movement : movements) {
            net = switch (movement.kind()) {
                case PAYMENT -> net.add(movement.amount());
                case REFUND, CHARGEBACK -> net.subtract(movement.amount());
                case CREDIT_NOTE -> net;
            };
        }
        return net;
    }

    /** Credit notes so far. */
    BigDecimal credited() {
        BigDecimal credited = total.subtract(total);
        for (Movement movement : movements) {
            if (movement.kind() == MovementKind.CREDIT_NOTE) {
                credited = credited.add(movement.amount());
            }
        }
        return credited;
    }
}
