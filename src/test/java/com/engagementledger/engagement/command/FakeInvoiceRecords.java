package com.engagementledger.engagement.command;

import com.engagementledger.invoicing.api.InvoiceDraftRegenerated;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Records the drafts the engagement creates and regenerates, for its fixture tests. */
final class FakeInvoiceRecords implements InvoiceRecords {

    final List<InvoiceDrafted> drafted = new ArrayList<>();
    final List<InvoiceDraftRegenerated> regenerated = new ArrayList<>();

    @Override
    public void draft(InvoiceDrafted draft) {
        drafted.add(draft);
    }

    @Override
    public void regenerate(String invoiceId, List<InvoiceLine> lines, BigDecimal total, LocalDate computedOn) {
        regenerated.add(new InvoiceDraftRegenerated(invoiceId, lines, total, computedOn));
    }
}
