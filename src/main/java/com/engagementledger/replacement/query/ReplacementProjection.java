package com.engagementledger.replacement.query;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CandidateProposed;
import com.engagementledger.replacement.api.CandidateRejected;
import com.engagementledger.replacement.api.CandidateStatus;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementSeatEndChanged;
import com.engagementledger.replacement.api.ReplacementSlaBreached;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import java.time.Instant;
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
 * Builds the replacement read model, one document per replacement, from the replacement's own events: pure steps
 * {@code evolve(document, event)} that {@link DocumentProjection} skips when the replacement's event was applied
 * before. What depends on the day asked (the overlap status, the SLA's days late) is left to the query side.
 */
@Component
@ProcessingGroup(ReplacementProjection.PROCESSING_GROUP)
public class ReplacementProjection extends DocumentProjection<ReplacementDocument> {

    public static final String PROCESSING_GROUP = "replacements";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(ReplacementDocument.class,
                    new Index("engagementId", Sort.Direction.ASC),
                    new Index("status", Sort.Direction.ASC),
                    new Index("requestedAt", Sort.Direction.DESC)));

    public ReplacementProjection(BatchedWrites writes) {
        super(READ_MODEL, ReplacementDocument.class, writes);
    }

    @EventHandler
    void on(ReplacementRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.replacementId(), sequence, doc -> {
            ReplacementDocument requested = evolve(doc, event);
            // "newest first" orders by the instant; the pure step knows only the event, the handler its timestamp
            requested.requestedAt = at;
            return requested;
        });
    }

    static ReplacementDocument evolve(ReplacementDocument previous, ReplacementRequested event) {
        ReplacementDocument doc = new ReplacementDocument();
        doc.replacementId = event.replacementId();
        doc.engagementId = event.engagementId();
        doc.seatId = event.seatId();
        doc.reason = event.reason();
        doc.note = event.note();
        doc.status = ReplacementStatus.REQUESTED;
        doc.eligibility = event.eligibility();
        doc.eligibilityReason = event.eligibilityReason();
        doc.requestedOn = event.requestedOn();
        doc.slaDueDate = event.slaDueDate();
        doc.timeZone = event.timeZone();
        doc.outgoingProfessionalId = event.outgoingProfessionalId();
        doc.outgoingProfessionalName = event.outgoingProfessionalName();
        doc.billingModel = event.billingModel();
        doc.seatRate = event.seatRate();
        doc.currency = event.currency();
        return doc;
    }

    @EventHandler
    void on(CandidateProposed event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static ReplacementDocument evolve(ReplacementDocument previous, CandidateProposed event) {
        return change(previous, event, doc -> {
            doc.status = ReplacementStatus.CANDIDATE_PROPOSED;
            List<CandidateDocument> candidates = new ArrayList<>(doc.candidates);
            candidates.add(new CandidateDocument(event.candidateId(), event.professionalId(),
                    event.professionalName(), CandidateStatus.PROPOSED, null));
            doc.candidates = candidates;
        });
    }

    @EventHandler
    void on(CandidateRejected event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    /** With its one pending candidate turned down, the replacement waits for the next, as on request. */
    static ReplacementDocument evolve(ReplacementDocument previous, CandidateRejected event) {
        return change(previous, event, doc -> {
            doc.status = ReplacementStatus.REQUESTED;
            doc.candidates = withCandidate(doc.candidates, event.candidateId(), candidate -> new CandidateDocument(
                    candidate.candidateId(), candidate.professionalId(), candidate.professionalName(),
                    CandidateStatus.REJECTED, event.reason()));
        });
    }

    @EventHandler
    void on(CandidateAccepted event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static ReplacementDocument evolve(ReplacementDocument previous, CandidateAccepted event) {
        return change(previous, event, doc -> {
            doc.status = ReplacementStatus.CANDIDATE_ACCEPTED;
            doc.acceptedOn = event.acceptedOn();
            doc.overlapFrom = event.overlapFrom();
            doc.overlapTo = event.overlapTo();
            doc.candidates = withCandidate(doc.candidates, event.candidateId(), candidate -> new CandidateDocument(
                    candidate.candidateId(), candidate.professionalId(), candidate.professionalName(),
                    CandidateStatus.ACCEPTED, null));
        });
    }

    @EventHandler
    void on(ReplacementCompleted event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    /** An early completion cuts the overlap short: its last day is the one that ran. */
    static ReplacementDocument evolve(ReplacementDocument previous, ReplacementCompleted event) {
        return change(previous, event, doc -> {
            doc.status = ReplacementStatus.COMPLETED;
            doc.completedOn = event.completedOn();
            doc.overlapTo = event.overlapTo();
            if (event.overlapTo() == null) {
                doc.overlapFrom = null;
            }
        });
    }

    @EventHandler
    void on(ReplacementWithdrawn event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    /** An overlap that had begun ran until the withdrawal's last overlap day; one that had not, never ran. */
    static ReplacementDocument evolve(ReplacementDocument previous, ReplacementWithdrawn event) {
        return change(previous, event, doc -> {
            doc.status = ReplacementStatus.WITHDRAWN;
            doc.withdrawnOn = event.withdrawnOn();
            doc.withdrawalReason = event.reason();
            doc.overlapTo = event.overlapTo();
            if (event.overlapTo() == null) {
                doc.overlapFrom = null;
            }
        });
    }

    @EventHandler
    void on(ReplacementSlaBreached event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static ReplacementDocument evolve(ReplacementDocument previous, ReplacementSlaBreached event) {
        return change(previous, event, doc -> doc.slaBreachedOn = event.breachedOn());
    }

    @EventHandler
    void on(ServiceCreditGranted event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static ReplacementDocument evolve(ReplacementDocument previous, ServiceCreditGranted event) {
        return change(previous, event, doc -> {
            doc.creditDaysLate = event.businessDaysLate();
            doc.creditAmount = event.amount();
            doc.creditGrantedOn = event.grantedOn();
        });
    }

    /** The view shows no seat end; the event only moves the version, the ETag, on. */
    @EventHandler
    void on(ReplacementSeatEndChanged event, @SequenceNumber long sequence) {
        project(event.replacementId(), sequence, doc -> change(doc, event, changed -> { }));
    }

    private void project(String replacementId, long sequence, UnaryOperator<ReplacementDocument> step) {
        apply(replacementId, replacementId, sequence, doc -> {
            ReplacementDocument next = step.apply(doc);
            next.version = sequence;
            return next;
        });
    }

    /** The next state of an existing replacement: a copy of it with {@code change} made. */
    private static ReplacementDocument change(ReplacementDocument previous, Object event,
                                              Consumer<ReplacementDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No replacement document to apply " + event
                    + " to: its request was never projected");
        }
        ReplacementDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }

    private static List<CandidateDocument> withCandidate(List<CandidateDocument> candidates, String candidateId,
                                                         UnaryOperator<CandidateDocument> change) {
        return candidates.stream()
                .map(candidate -> candidate.candidateId().equals(candidateId) ? change.apply(candidate) : candidate)
                .toList();
    }
}
