package com.engagementledger.invoicing.query;

import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line inside an invoice document, as the invoice's events gave it.
 */
record LineDocument(InvoiceLineKind kind, String seatId, String professionalName, String description,
                    LocalDate from, LocalDate to, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {

    static LineDocument of(InvoiceLine line) {
        return new LineDocument(line.kind(), line.seatId(), line.professionalName(), line.description(),
                line.from(), line.to(), line.quantity(), line.unitPrice(), line.amount());
    }

    InvoiceLine line() {
        return new InvoiceLine(kind, seatId, professionalName, description, from, to, quantity, unitPrice, amount);
    }
}
