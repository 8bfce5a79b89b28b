package com.engagementledger.invoicing.api;

/**
 * A movement of money on an issued invoice: what the client paid, what was paid back or taken back, what was
 * credited.
 */
public enum InvoiceMovementKind {
    PAYMENT, REFUND, CHARGEBACK, CREDIT_NOTE
}
