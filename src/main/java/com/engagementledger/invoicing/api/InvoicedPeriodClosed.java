package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * On the engagement: the period is invoiced by {@code invoiceId}, issued on {@code issueDate} with these lines (the
 * service credits of {@code creditReplacementIds} are on it and on no later invoice). The commit point of issuing:
 * once stored, the issue completes (ADR 0032).
 */
@Revision("1")
public record InvoicedPeriodClosed(String engagementId, String invoiceId, String period, LocalDate issueDate,
                                   LocalDate dueDate, String currency, List<InvoiceLine> lines, BigDecimal total,
                                   List<String> creditReplacementIds) {
}
