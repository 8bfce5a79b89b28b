package com.engagementledger.invoicing.api;

import java.math.BigDecimal;

/**
 * The money of one invoice after a movement, all in its currency's minor unit: {@code balance = total − paid +
 * refunded + chargedBack − credited}. Every balance-changing event carries the balance after it, so that a consumer
 * (the IP transfer, a read model) never has to add movements up in the order they arrive.
 */
public record InvoiceBalance(BigDecimal total, BigDecimal paid, BigDecimal refunded, BigDecimal chargedBack,
                             BigDecimal credited, BigDecimal balance) {

    public static InvoiceBalance issued(BigDecimal total) {
        BigDecimal zero = total.subtract(total);
        return new InvoiceBalance(total, zero, zero, zero, zero, total);
    }

    /** What the client has paid and kept: payments less refunds and chargebacks. */
    public BigDecimal netPaid() {
        return paid.subtract(refunded).subtract(chargedBack);
    }

    public InvoiceBalance afterPayment(BigDecimal amount) {
        return new InvoiceBalance(total, paid.add(amount), refunded, chargedBack, credited, balance.subtract(amount));
    }

    public InvoiceBalance afterRefund(BigDecimal amount) {
        return new InvoiceBalance(total, paid, refunded.add(amount), chargedBack, credited, balance.add(amount));
    }

    public InvoiceBalance afterChargeback(BigDecimal amount) {
        return new InvoiceBalance(total, paid, refunded, chargedBack.add(amount), credited, balance.add(amount));
    }

    public InvoiceBalance afterCredit(BigDecimal amount) {
        return new InvoiceBalance(total, paid, refunded, chargedBack, credited.add(amount), balance.subtract(amount));
    }

    /** Fully settled: paid plus credited cover the total (nothing is left to collect). */
    public boolean settled() {
        return balance.signum() <= 0;
    }

    /** The status of an issued, not voided invoice with this balance. */
    public InvoiceStatus status() {
        if (settled()) {
            return InvoiceStatus.PAID;
        }
        return netPaid().signum() > 0 || credited.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
    }
}
