package com.engagementledger.invoicing.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementledger.invoicing.api.AssignInvoiceNumber;
import com.engagementledger.invoicing.api.InvoiceNumberAssigned;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The invoice numbers of one year (ADR 0032): an event-sourced counter, so that a number is taken exactly when its
 * {@link InvoiceNumberAssigned} is stored, on the event store's own optimistic lock (one sequence number per
 * aggregate): two nodes that both take number N for the same year cannot both store it, and the loser retries with
 * N + 1. No number is ever skipped, since nothing but a stored event takes one, and none is taken twice. Asking
 * again for an invoice that has a number answers that number. The year's aggregate is created by its first number.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InvoiceNumbers {

    @AggregateIdentifier
    private String numberingId;
    private int year;
    private long last;
    /** The number of every invoice numbered this year, by invoice id. */
    private Map<String, String> numbers = new HashMap<>();

    protected InvoiceNumbers() {
        // for Axon, and the first number of a year
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(AssignInvoiceNumber command) {
        if (command.invoiceId() == null || command.invoiceId().isBlank()) {
            throw new IllegalArgumentException("a number is assigned to an invoice: " + command);
        }
        if (!com.engagementledger.invoicing.api.InvoiceNumbers.idOf(command.year()).equals(command.numberingId())
                || (numberingId != null && year != command.year())) {
            throw new IllegalArgumentException("the numbering of " + command.year() + " is "
                    + com.engagementledger.invoicing.api.InvoiceNumbers.idOf(command.year()) + ", not "
                    + command.numberingId());
        }
        String known = numbers.get(command.invoiceId());
        if (known != null) {
            return known;
        }
        long sequence = last + 1;
        String number = com.engagementledger.invoicing.api.InvoiceNumbers.format(command.year(), sequence);
        apply(new InvoiceNumberAssigned(command.numberingId(), command.year(), sequence, number,
                command.invoiceId()));
        return number;
    }

    @EventSourcingHandler
    void on(InvoiceNumberAssigned event) {
        numberingId = event.numberingId();
        year = event.year();
        last = event.sequence();
        numbers.put(event.invoiceId(), event.number());
    }
}
