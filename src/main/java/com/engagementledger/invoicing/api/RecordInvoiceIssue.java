package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The invoice records its issue with the number assigned and the lines the engagement closed the period with.
 * Idempotent for the same number; never refused once the period was closed for this invoice.
 */
public record RecordInvoiceIssue(@TargetAggregateIdentifier String invoiceId, String number, LocalDate issueDate,
                                 LocalDate dueDate, List<InvoiceLine> lines, BigDecimal total) {
}
