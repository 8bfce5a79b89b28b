package com.engagementledger.iptransfer.command;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of a transfer paid for (ADR 0035): amountPaid ÷ amountDue, clamped to 0..1, rounded down at 10 decimal
 * places and stripped of trailing zeros, so that 40 % reads 0.4 and a share never reads 1 before it is paid for;
 * 1 when nothing is due.
 */
final class PaidShare {

    static final int SCALE = 10;

    private PaidShare() {
    }

    static BigDecimal of(BigDecimal amountPaid, BigDecimal amountDue) {
        if (amountDue.signum() <= 0 || amountPaid.compareTo(amountDue) >= 0) {
            return BigDecimal.ONE;
        }
        if (amountPaid.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return amountPaid.divide(amountDue, SCALE, RoundingMode.DOWN).stripTrailingZeros();
    }
}
