package com.engagementledger.engagement.command;

import com.engagementledger.invoicing.api.InvoicedPeriods;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engagement side of voiding a draft: the engagement, loaded in the unit of work of the invoice's command, frees
 * the draft's period there, so that the void and a concurrent close of the period (the commit point of an issue,
 * ADR 0032) cannot both be stored: one of them changes the engagement first, and the other finds it changed.
 */
@Component
public class AxonInvoicedPeriods implements InvoicedPeriods {

    private final ObjectProvider<Repository<Engagement>> engagements;

    public AxonInvoicedPeriods(ObjectProvider<Repository<Engagement>> engagements) {
        this.engagements = engagements;
    }

    @Override
    public void releaseDraft(String engagementId, String invoiceId) {
        engagements.getObject().load(engagementId).execute(engagement -> engagement.releaseDraft(invoiceId));
    }
}
