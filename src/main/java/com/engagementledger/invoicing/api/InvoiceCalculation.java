package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The lines of one engagement for the days {@code from} to {@code to} (both included, within one calendar month),
 * and their total: the sum of the rounded lines.
 */
public record InvoiceCalculation(String engagementId, LocalDate from, LocalDate to, List<InvoiceLine> lines,
                                 Money total) {

    public InvoiceCalculation {
        lines = List.copyOf(lines);
    }
}
