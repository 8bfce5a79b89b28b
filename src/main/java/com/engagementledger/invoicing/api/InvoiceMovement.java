package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One movement of money on an invoice, in the invoice's currency, in the order recorded.
 *
 * @param id        the payment's, refund's, chargeback's or credit note's id
 * @param reference a payment's reference (the bank's, say); null for the others
 * @param reason    why a refund, chargeback or credit note was recorded; null for a payment
 * @param balance   the invoice's balance after it
 */
public record InvoiceMovement(InvoiceMovementKind kind, String id, BigDecimal amount, String currency,
                              LocalDate date, String reference, String reason, BigDecimal balance) {
}
