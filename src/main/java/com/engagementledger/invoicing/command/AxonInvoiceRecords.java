package com.engagementledger.invoicing.command;

import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The invoice side of what the engagement does while it handles {@code DraftInvoice}, as
 * {@code AxonReplacementRecords} does for replacements (ADR 0026): a new draft is created through
 * {@link AggregateLifecycle#createNew}, a regenerated one loaded from its repository, both in the unit of work of
 * the engagement's command, so the period's claim and the draft are stored together or not at all (ADR 0032).
 */
@Component
public class AxonInvoiceRecords implements InvoiceRecords {

    private final ObjectProvider<Repository<Invoice>> invoices;

    public AxonInvoiceRecords(ObjectProvider<Repository<Invoice>> invoices) {
        this.invoices = invoices;
    }

    @Override
    public void draft(InvoiceDrafted drafted) {
        try {
            AggregateLifecycle.createNew(Invoice.class, () -> new Invoice(drafted));
        } catch (RuntimeException refused) {
            throw refused;
        } catch (Exception e) {
            throw new IllegalStateException("could not draft invoice " + drafted.invoiceId(), e);
        }
    }

    @Override
    public void regenerate(String invoiceId, List<InvoiceLine> lines, BigDecimal total, LocalDate computedOn) {
        invoices.getObject().load(invoiceId).execute(invoice -> invoice.regenerate(lines, total, computedOn));
    }
}
