package com.engagementledger.iptransfer.query;

import com.engagementledger.iptransfer.api.InvoiceMovementNoted;
import com.engagementledger.iptransfer.api.IpTransferAssigned;
import com.engagementledger.iptransfer.api.IpTransferContestResolved;
import com.engagementledger.iptransfer.api.IpTransferContested;
import com.engagementledger.iptransfer.api.IpTransferExclusionsChanged;
import com.engagementledger.iptransfer.api.IpTransferOpened;
import com.engagementledger.iptransfer.api.IpTransferReinstated;
import com.engagementledger.iptransfer.api.IpTransferStanding;
import com.engagementledger.iptransfer.api.IpTransferSuspended;
import com.engagementledger.iptransfer.api.IpTransferVoided;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import java.time.Instant;
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
 * Builds the IP ledger, one document per transfer, from the transfer's own events: pure steps
 * {@code evolve(document, event)} that {@link DocumentProjection} skips when the transfer's event was applied before.
 * Every event but the exclusions' change carries where the transfer stands after it, which the document takes as it
 * is, so a redelivered or replayed event cannot count a movement twice. The certificate is copied from the event
 * that issued it and never touched again: a contest, its resolution or a void is kept beside it.
 */
@Component
@ProcessingGroup(IpTransferProjection.PROCESSING_GROUP)
public class IpTransferProjection extends DocumentProjection<IpTransferDocument> {

    public static final String PROCESSING_GROUP = "ip-transfers";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(IpTransferDocument.class,
                    new Index("status", Sort.Direction.ASC),
                    new Index("clientId", Sort.Direction.ASC),
                    new Index("engagementId", Sort.Direction.ASC),
                    new Index("period", Sort.Direction.DESC)));

    public IpTransferProjection(BatchedWrites writes) {
        super(READ_MODEL, IpTransferDocument.class, writes);
    }

    @EventHandler
    void on(IpTransferOpened event, @SequenceNumber long sequence) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferOpened event) {
        IpTransferDocument doc = new IpTransferDocument();
        doc.ipTransferId = event.ipTransferId();
        doc.invoiceId = event.invoiceId();
        doc.invoiceNumber = event.invoiceNumber();
        doc.engagementId = event.engagementId();
        doc.clientId = event.clientId();
        doc.clientName = event.clientName();
        doc.period = event.period();
        doc.currency = event.currency();
        doc.issueDate = event.issueDate();
        doc.total = event.total();
        doc.trigger = event.trigger() == null ? null : event.trigger().name();
        doc.exclusions = event.exclusions() == null ? List.of() : List.copyOf(event.exclusions());
        standing(doc, event.after());
        return doc;
    }

    @EventHandler
    void on(InvoiceMovementNoted event, @SequenceNumber long sequence) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, InvoiceMovementNoted event) {
        return change(previous, event, doc -> standing(doc, event.after()));
    }

    @EventHandler
    void on(IpTransferAssigned event, @SequenceNumber long sequence) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event));
    }

    /** The certificate as issued; a second assignment cannot happen, and would not replace it here either. */
    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferAssigned event) {
        return change(previous, event, doc -> {
            if (doc.certificate == null) {
                doc.assignedAt = event.assignedAt();
                doc.certificate = event.certificate();
                doc.sha256 = event.sha256();
            }
            standing(doc, event.after());
        });
    }

    @EventHandler
    void on(IpTransferSuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event, at));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferSuspended event, Instant at) {
        return change(previous, event, doc -> {
            doc.suspension = new SuspensionDocument(event.reason(), when(event.source(), at));
            standing(doc, event.after());
        });
    }

    @EventHandler
    void on(IpTransferReinstated event, @SequenceNumber long sequence) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferReinstated event) {
        return change(previous, event, doc -> {
            doc.suspension = null;
            standing(doc, event.after());
        });
    }

    @EventHandler
    void on(IpTransferContested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event, at));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferContested event, Instant at) {
        return change(previous, event, doc -> {
            doc.contest = new ContestDocument(event.kind() == null ? null : event.kind().name(),
                    event.movementId(), event.shortfall(), when(event.source(), at), null, null, null);
            standing(doc, event.after());
        });
    }

    @EventHandler
    void on(IpTransferContestResolved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event, at));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferContestResolved event, Instant at) {
        return change(previous, event, doc -> {
            ContestDocument open = doc.contest;
            doc.contest = new ContestDocument(open == null ? null : open.kind(),
                    open == null ? null : open.movementId(), open == null ? null : open.shortfall(),
                    open == null ? null : open.contestedAt(),
                    event.resolution() == null ? null : event.resolution().name(), event.reason(),
                    when(event.source(), at));
            standing(doc, event.after());
        });
    }

    @EventHandler
    void on(IpTransferVoided event, @SequenceNumber long sequence) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event));
    }

    /** Closed: a suspension no longer holds anything up; a certificate and a contest stay beside the void. */
    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferVoided event) {
        return change(previous, event, doc -> {
            doc.voidReason = event.reason();
            doc.suspension = null;
            standing(doc, event.after());
        });
    }

    @EventHandler
    void on(IpTransferExclusionsChanged event, @SequenceNumber long sequence) {
        project(event.ipTransferId(), sequence, doc -> evolve(doc, event));
    }

    static IpTransferDocument evolve(IpTransferDocument previous, IpTransferExclusionsChanged event) {
        return change(previous, event, doc -> doc.exclusions = event.exclusions() == null ? List.of()
                : List.copyOf(event.exclusions()));
    }

    private void project(String ipTransferId, long sequence, UnaryOperator<IpTransferDocument> step) {
        apply(ipTransferId, ipTransferId, sequence, doc -> {
            IpTransferDocument next = step.apply(doc);
            next.version = sequence;
            return next;
        });
    }

    private static void standing(IpTransferDocument doc, IpTransferStanding after) {
        if (after == null) {
            return;
        }
        doc.amountDue = after.amountDue();
        doc.amountPaid = after.amountPaid();
        doc.paidShare = after.paidShare();
        doc.remaining = after.remaining();
        doc.status = after.status();
    }

    /** When the invoice event behind it happened; the transfer's own event's time when no invoice event is. */
    private static Instant when(SourceEvent source, Instant at) {
        return source != null && source.timestamp() != null ? source.timestamp() : at;
    }

    /** The next state of an existing transfer: a copy of it with {@code change} made. */
    private static IpTransferDocument change(IpTransferDocument previous, Object event,
                                             Consumer<IpTransferDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No IP transfer document to apply " + event
                    + " to: its opening was never projected");
        }
        IpTransferDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }
}
