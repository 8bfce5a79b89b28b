package com.engagementledger.billing.query;

import com.engagementledger.invoicing.api.ChargebackRecorded;
import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RefundRecorded;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds finance's billing read model, one small document per invoice ({@link BilledInvoiceDocument}), from the
 * invoice's own events only, so it runs per aggregate: the draft names the client, the issue fixes dates and total,
 * every money movement is kept with its own date (a view as of a day counts the movements dated by then, whenever
 * they were recorded), and a void marks the day. Redeliveries change nothing twice (the document remembers the
 * invoice's last event applied).
 */
@Component
@ProcessingGroup(BilledInvoicesProjection.PROCESSING_GROUP)
public class BilledInvoicesProjection extends DocumentProjection<BilledInvoiceDocument> {

    public static final String PROCESSING_GROUP = "billing-invoices";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(BilledInvoiceDocument.class), ReadModelCollection.of(BilledHoursDocument.class));

    private final BatchedWrites writes;

    public BilledInvoicesProjection(BatchedWrites writes) {
        super(READ_MODEL, BilledInvoiceDocument.class, writes);
        this.writes = writes;
    }

    @EventHandler
    void on(InvoiceDrafted event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, InvoiceDrafted event) {
        BilledInvoiceDocument doc = new BilledInvoiceDocument();
        doc.invoiceId = event.invoiceId();
        doc.engagementId = event.engagementId();
        doc.clientId = event.clientId();
        doc.clientName = event.clientName();
        doc.currency = event.currency();
        doc.period = event.period();
        return doc;
    }

    @EventHandler
    void on(InvoiceIssued event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
        BilledHoursDocument hours = hours(event);
        if (hours != null) {
            writes.save(event.invoiceId(), hours);
        }
    }

    /** The invoice's {@code HOURS} lines summed per seat and rate; null when it has none. */
    static BilledHoursDocument hours(InvoiceIssued event) {
        Map<List<Object>, BilledHours> groups = new LinkedHashMap<>();
        for (InvoiceLine line : event.lines()) {
            if (line.kind() == InvoiceLineKind.HOURS) {
                groups.merge(BillingQueryHandler.hoursKey(line.seatId(), line.unitPrice()),
                        new BilledHours(line.seatId(), line.unitPrice(), line.amount()),
                        (was, more) -> new BilledHours(was.seatId(), was.unitPrice(), was.amount().add(more.amount())));
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        BilledHoursDocument doc = new BilledHoursDocument();
        doc.invoiceId = event.invoiceId();
        doc.engagementId = event.engagementId();
        doc.period = event.period();
        doc.hours = new ArrayList<>(groups.values());
        return doc;
    }

    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, InvoiceIssued event) {
        return change(previous, event, doc -> {
            doc.engagementId = event.engagementId();
            doc.clientId = event.clientId();
            doc.currency = event.currency();
            doc.period = event.period();
            doc.issued = true;
            doc.issueDate = event.issueDate();
            doc.dueDate = event.dueDate();
            doc.total = event.total();
            doc.serviceCredits = serviceCredits(event.lines(), event.total());
            doc.balance = event.after().balance();
        });
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, PaymentRecorded event) {
        return moved(previous, event, MovementKind.PAYMENT, event.receivedOn(), event.amount(), event.after());
    }

    @EventHandler
    void on(RefundRecorded event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, RefundRecorded event) {
        return moved(previous, event, MovementKind.REFUND, event.refundedOn(), event.amount(), event.after());
    }

    @EventHandler
    void on(ChargebackRecorded event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, ChargebackRecorded event) {
        return moved(previous, event, MovementKind.CHARGEBACK, event.chargedBackOn(), event.amount(), event.after());
    }

    @EventHandler
    void on(CreditNoteIssued event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, CreditNoteIssued event) {
        return moved(previous, event, MovementKind.CREDIT_NOTE, event.issuedOn(), event.amount(), event.after());
    }

    @EventHandler
    void on(InvoiceVoided event, @SequenceNumber long sequence) {
        apply(event.invoiceId(), event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    /** A voided draft was never billed: it leaves no document; a voided issued invoice keeps its day of void. */
    static BilledInvoiceDocument evolve(BilledInvoiceDocument previous, InvoiceVoided event) {
        if (!event.wasIssued()) {
            return null;
        }
        return change(previous, event, doc -> doc.voidedOn = event.voidedOn());
    }

    private static BilledInvoiceDocument moved(BilledInvoiceDocument previous, Object event, MovementKind kind,
                                               LocalDate date, BigDecimal amount, InvoiceBalance after) {
        return change(previous, event, doc -> {
            List<Movement> movements = new ArrayList<>(doc.movements);
            movements.add(new Movement(kind, date, amount));
            doc.movements = movements;
            doc.balance = after.balance();
        });
    }

    private static BigDecimal serviceCredits(List<InvoiceLine> lines, BigDecimal total) {
        BigDecimal credits = total.subtract(total);
        for (InvoiceLine line : lines) {
            if (line.kind() == InvoiceLineKind.SERVICE_CREDIT) {
                credits = credits.add(line.amount());
            }
        }
        return credits;
    }

    private static BilledInvoiceDocument change(BilledInvoiceDocument previous, Object event,
                                                Consumer<BilledInvoiceDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No billing document to apply " + event
                    + " to: the invoice's draft was never projected");
        }
        BilledInvoiceDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }
}
