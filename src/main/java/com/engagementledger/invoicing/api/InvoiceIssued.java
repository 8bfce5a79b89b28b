package com.engagementledger.invoicing.api;

import com.engagementledger.engagement.api.IpTrigger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The invoice issued: final lines, number, dates; from now on only money movements, a dispute or a void. */
@Revision("1")
public record InvoiceIssued(String invoiceId, String engagementId, String clientId, String period, String number,
                            LocalDate issueDate, LocalDate dueDate, String currency, List<InvoiceLine> lines,
                            BigDecimal total, IpTrigger ipTrigger, InvoiceBalance after) {
}
