package com.engagementledger.invoicing.command;

import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.InvoicedPeriodClosed;
import com.engagementledger.invoicing.api.ReopenInvoicedPeriod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * What follows from the engagement's and the invoice's events, on a tracking processor of its own whose token is
 * kept in the relational store ({@link InvoiceIssuingProcessConfiguration}): every closed period ends as an issued
 * invoice with its number, also when the application stopped between the steps of {@link InvoiceIssuing} (they are
 * idempotent, so finishing an issue the request completed changes nothing), and a voided invoice frees its period
 * and credits on the engagement. An issue finished here carries the audit metadata of the closed period (the
 * actor, roles and request of whoever asked for the issue). A failure stops the processor, which retries the event:
 * no step is ever lost.
 */
@Component
@ProcessingGroup(InvoiceIssuingProcess.PROCESSING_GROUP)
public class InvoiceIssuingProcess {

    static final String PROCESSING_GROUP = "invoice-issuing";

    private final InvoiceIssuing issuing;
    private final CommandGateway commands;

    public InvoiceIssuingProcess(InvoiceIssuing issuing, CommandGateway commands) {
        this.issuing = issuing;
        this.commands = commands;
    }

    @EventHandler
    void on(InvoicedPeriodClosed event, MetaData metaData) {
        // as the user who asked for the issue: the closing event carries their actor, roles and request
        issuing.finishOutsideUnitOfWork(event, metaData);
    }

    @EventHandler
    void on(InvoiceVoided event) {
        commands.sendAndWait(new ReopenInvoicedPeriod(event.engagementId(), event.invoiceId()));
    }
}
