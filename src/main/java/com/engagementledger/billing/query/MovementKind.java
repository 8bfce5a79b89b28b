package com.engagementledger.billing.query;

/** A dated money movement on an issued invoice, and which way it moves the balance. */
enum MovementKind {
    /** Received from the client: lowers the balance. */
    PAYMENT,
    /** Paid back to the client: reopens the balance. */
    REFUND,
    /** Taken back by the client's bank: reopens the balance. */
    CHARGEBACK,
    /** A credit note: lowers the balance, collects nothing. */
    CREDIT_NOTE
}
