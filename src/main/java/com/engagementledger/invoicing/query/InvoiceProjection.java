package com.engagementledger.invoicing.query;

import com.engagementledger.invoicing.api.ChargebackRecorded;
import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceDisputeResolved;
import com.engagementledger.invoicing.api.InvoiceDisputed;
import com.engagementledger.invoicing.api.InvoiceDraftRegenerated;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RefundRecorded;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Builds the invoice read model, one document per invoice, from the invoice's own events: pure steps
 * {@code evolve(document, event)} that {@link DocumentProjection} skips when the invoice's event was applied before.
 * Money is never added up here: every balance-changing event carries the invoice's {@link InvoiceBalance} after it,
 * which the document takes as it is, so a redelivered or replayed movement cannot count twice. Whether an invoice is
 * overdue depends on the day asked and is left to the query side.
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
public class InvoiceProjection extends DocumentProjection<InvoiceDocument> {

    public static final String PROCESSING_GROUP = "invoices";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(InvoiceDocument.class,
                    new Index("status", Sort.Direction.ASC),
                    new Index("clientId", Sort.Direction.ASC),
                    new Index("engagementId", Sort.Direction.ASC),
                    new Index("period", Sort.Direction.DESC)));

    public InvoiceProjection(BatchedWrites writes) {
        super(READ_MODEL, InvoiceDocument.class, writes);
    }

    @EventHandler
    void on(InvoiceDrafted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.invoiceId(), sequence, doc -> {
            InvoiceDocument drafted = evolve(doc, event);
            // "newest first" within a period orders by the instant; the pure step knows only the event
            drafted.draftedAt = at;
            return drafted;
        });
    }

    /** A draft: nothing owed yet, its balance is what issuing it would ask for. */
    static InvoiceDocument evolve(InvoiceDocument previous, InvoiceDrafted event) {
        InvoiceDocument doc = new InvoiceDocument();
        doc.invoiceId = event.invoiceId();
        doc.engagementId = event.engagementId();
        doc.clientId = event.clientId();
        doc.clientName = event.clientName();
        doc.currency = event.currency();
        doc.period = event.period();
        doc.timeZone = event.timeZone();
        doc.paymentTermsDays = event.paymentTermsDays();
        doc.status = InvoiceStatus.DRAFT;
        doc.computedOn = event.computedOn();
        doc.lines = lines(event.lines());
        balance(doc, InvoiceBalance.issued(event.total()));
        return doc;
    }

    @EventHandler
    void on(InvoiceDraftRegenerated event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static InvoiceDocument evolve(InvoiceDocument previous, InvoiceDraftRegenerated event) {
        return change(previous, event, doc -> {
            doc.computedOn = event.computedOn();
            doc.lines = lines(event.lines());
            balance(doc, InvoiceBalance.issued(event.total()));
        });
    }

    @EventHandler
    void on(InvoiceIssued event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    /** The final lines, number and dates; the balance as issuing left it. */
    static InvoiceDocument evolve(InvoiceDocument previous, InvoiceIssued event) {
        return change(previous, event, doc -> {
            doc.number = event.number();
            doc.issueDate = event.issueDate();
            doc.dueDate = event.dueDate();
            doc.lines = lines(event.lines());
            InvoiceBalance after = event.after() != null ? event.after() : InvoiceBalance.issued(event.total());
            balance(doc, after);
            doc.status = after.status();
        });
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static InvoiceDocument evolve(InvoiceDocument previous, PaymentRecorded event) {
        return moved(previous, event, new MovementDocument(InvoiceMovementKind.PAYMENT, event.paymentId(),
                event.amount(), event.currency(), event.receivedOn(), event.reference(), null,
                event.after().balance()), event.after());
    }

    @EventHandler
    void on(RefundRecorded event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static InvoiceDocument evolve(InvoiceDocument previous, RefundRecorded event) {
        return moved(previous, event, new MovementDocument(InvoiceMovementKind.REFUND, event.refundId(),
                event.amount(), event.currency(), event.refundedOn(), null, event.reason(),
                event.after().balance()), event.after());
    }

    @EventHandler
    void on(ChargebackRecorded event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static InvoiceDocument evolve(InvoiceDocument previous, ChargebackRecorded event) {
        return moved(previous, event, new MovementDocument(InvoiceMovementKind.CHARGEBACK, event.chargebackId(),
                event.amount(), event.currency(), event.chargedBackOn(), null, event.reason(),
                event.after().balance()), event.after());
    }

    @EventHandler
    void on(CreditNoteIssued event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static InvoiceDocument evolve(InvoiceDocument previous, CreditNoteIssued event) {
        return moved(previous, event, new MovementDocument(InvoiceMovementKind.CREDIT_NOTE, event.creditNoteId(),
                event.amount(), event.currency(), event.issuedOn(), null, event.reason(),
                event.after().balance()), event.after());
    }

    @EventHandler
    void on(InvoiceVoided event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    /** Voided: it keeps its number, lines and movements, and no longer asks for anything: its balance is zero. */
    static InvoiceDocument evolve(InvoiceDocument previous, InvoiceVoided event) {
        return change(previous, event, doc -> {
            doc.status = InvoiceStatus.VOID;
            doc.balance = nothingOwed(doc.balance);
            doc.voidedOn = event.voidedOn();
            doc.voidReason = event.reason();
        });
    }

    @EventHandler
    void on(InvoiceDisputed event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    static InvoiceDocument evolve(InvoiceDocument previous, InvoiceDisputed event) {
        return change(previous, event, doc -> {
            List<DisputeDocument> disputes = new ArrayList<>(doc.disputes);
            disputes.add(new DisputeDocument(event.reason(), event.disputedOn(), null, null));
            doc.disputes = disputes;
        });
    }

    @EventHandler
    void on(InvoiceDisputeResolved event, @SequenceNumber long sequence) {
        project(event.invoiceId(), sequence, doc -> evolve(doc, event));
    }

    /** Resolves the open dispute, the last one: one dispute is open at a time. */
    static InvoiceDocument evolve(InvoiceDocument previous, InvoiceDisputeResolved event) {
        return change(previous, event, doc -> {
            List<DisputeDocument> disputes = new ArrayList<>(doc.disputes);
            for (int i = disputes.size() - 1; i >= 0; i--) {
                DisputeDocument dispute = disputes.get(i);
                if (dispute.resolvedOn() == null) {
                    disputes.set(i, new DisputeDocument(dispute.reason(), dispute.disputedOn(), event.reason(),
                            event.resolvedOn()));
                    break;
                }
            }
            doc.disputes = disputes;
        });
    }

    private void project(String invoiceId, long sequence, UnaryOperator<InvoiceDocument> step) {
        apply(invoiceId, invoiceId, sequence, doc -> {
            InvoiceDocument next = step.apply(doc);
            next.version = sequence;
            return next;
        });
    }

    private static InvoiceDocument moved(InvoiceDocument previous, Object event, MovementDocument movement,
                                         InvoiceBalance after) {
        return change(previous, event, doc -> {
            List<MovementDocument> movements = new ArrayList<>(doc.movements);
            movements.add(movement);
            doc.movements = movements;
            balance(doc, after);
            if (doc.status != InvoiceStatus.VOID) {
                doc.status = after.status();
            } else {
                doc.balance = nothingOwed(doc.balance);
            }
        });
    }

    /** Zero with the scale of the balance it replaces (the currency's minor digits). */
    static BigDecimal nothingOwed(BigDecimal balance) {
        return balance == null ? null : BigDecimal.ZERO.setScale(Math.max(0, balance.scale()));
    }

    private static void balance(InvoiceDocument doc, InvoiceBalance balance) {
        doc.total = balance.total();
        doc.paid = balance.paid();
        doc.refunded = balance.refunded();
        doc.chargedBack = balance.chargedBack();
        doc.credited = balance.credited();
        doc.balance = balance.balance();
    }

    private static List<LineDocument> lines(List<InvoiceLine> lines) {
        return lines == null ? List.of() : lines.stream().map(LineDocument::of).toList();
    }

    /** The next state of an existing invoice: a copy of it with {@code change} made. */
    private static InvoiceDocument change(InvoiceDocument previous, Object event, Consumer<InvoiceDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No invoice document to apply " + event
                    + " to: its draft was never projected");
        }
        InvoiceDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }

}
