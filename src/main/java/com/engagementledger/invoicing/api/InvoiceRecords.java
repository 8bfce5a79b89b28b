package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the engagement asks of the invoice feature while it handles {@link DraftInvoice}: to create a draft in its
 * own unit of work (the period's claim and the invoice are stored together or not at all), or to regenerate the
 * period's draft. Both work only inside the handling of an aggregate's command.
 */
public interface InvoiceRecords {

    void draft(InvoiceDrafted drafted);

    /** Refused (illegal state) when the invoice is no longer a draft. */
    void regenerate(String invoiceId, List<InvoiceLine> lines, BigDecimal total, LocalDate computedOn);
}
