package com.engagementledger.invoicing.api;

import com.engagementledger.engagement.api.IpTrigger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The first event of an invoice: a draft of {@code period} ({@code YYYY-MM}) computed on {@code computedOn} (the
 * engagement's local date) by the {@link InvoiceCalculator}. The engagement's terms it needs later travel with it.
 */
@Revision("1")
public record InvoiceDrafted(String invoiceId, String engagementId, String clientId, String clientName,
                             String currency, String period, String timeZone, int paymentTermsDays,
                             IpTrigger ipTrigger, List<InvoiceLine> lines, BigDecimal total, LocalDate computedOn) {
}
