package com.engagementledger.invoicing.query;

import com.engagementledger.invoicing.api.InvoiceMovementKind;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment, refund, chargeback or credit note inside an invoice document, with the balance it left.
 */
record MovementDocument(InvoiceMovementKind kind, String id, BigDecimal amount, String currency, LocalDate date,
                        String reference, String reason, BigDecimal balance) {
}
