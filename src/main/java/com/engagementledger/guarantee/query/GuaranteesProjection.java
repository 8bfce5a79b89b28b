package com.engagementledger.guarantee.query;

import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatProfessionalSwapped;
import com.engagementledger.engagement.api.SeatReleaseWithdrawn;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatReplacementClosed;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CandidateProposed;
import com.engagementledger.replacement.api.CandidateRejected;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementSlaBreached;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds the guarantees read model, one document per engagement, from two aggregates' events: the engagement's
 * (terms, seats, the free replacements a seat used and got back, swaps) and its replacements' (status, SLA, credits).
 * Declared {@link ReadModel#ordered}: one segment sees every event in the event store's global order, so the
 * events of an engagement and of its replacements never race for the same document on two threads, and a failing
 * event stops the projection rather than letting the other aggregate's events overtake it (ADR 0027). Redeliveries
 * change nothing twice: the document remembers the last event of each source, the engagement and every replacement.
 */
@Component
@ProcessingGroup(GuaranteesProjection.PROCESSING_GROUP)
public class GuaranteesProjection extends DocumentProjection<GuaranteesDocument> {

    public static final String PROCESSING_GROUP = "guarantees";

    public static final ReadModel READ_MODEL = ReadModel.ordered(PROCESSING_GROUP,
            ReadModelCollection.of(GuaranteesDocument.class));

    public GuaranteesProjection(BatchedWrites writes) {
        super(READ_MODEL, GuaranteesDocument.class, writes);
    }

    @EventHandler
    void on(EngagementProposed event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, EngagementProposed event) {
        GuaranteesDocument doc = new GuaranteesDocument();
        doc.engagementId = event.engagementId();
        doc.currency = event.currency();
        doc.timeZone = event.terms().timeZone();
        doc.guaranteeWindowDays = event.terms().guaranteeWindowDays();
        doc.freeReplacementsPerSeat = event.terms().freeReplacementsPerSeat();
        doc.seats = event.seats().stream().map(seat -> new GuaranteeSeatDocument(seat.seatId(),
                seat.professionalId(), seat.professionalName(), seat.startDate(), null, 0)).toList();
        return doc;
    }

    @EventHandler
    void on(SeatAdded event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatAdded event) {
        return change(previous, event, doc -> {
            List<GuaranteeSeatDocument> seats = new ArrayList<>(doc.seats);
            seats.add(new GuaranteeSeatDocument(event.seatId(), event.professionalId(), event.professionalName(),
                    event.startDate(), null, 0));
            doc.seats = seats;
        });
    }

    @EventHandler
    void on(SeatWithdrawn event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    /** A withdrawn seat was never billed: it has no guarantee to show. */
    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatWithdrawn event) {
        return change(previous, event, doc -> doc.seats = doc.seats.stream()
                .filter(seat -> !seat.seatId().equals(event.seatId()))
                .toList());
    }

    @EventHandler
    void on(SeatReleased event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatReleased event) {
        return change(previous, event, doc -> doc.seats = withSeat(doc.seats, event.seatId(),
                seat -> seat.releasedOn(event.releaseDate())));
    }

    @EventHandler
    void on(SeatReleaseWithdrawn event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatReleaseWithdrawn event) {
        return change(previous, event, doc -> doc.seats = withSeat(doc.seats, event.seatId(),
                seat -> seat.releasedOn(null)));
    }

    @EventHandler
    void on(SeatReplacementOpened event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    /** The engagement decides what a request uses of the seat's quota; this read model counts what it recorded. */
    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatReplacementOpened event) {
        return change(previous, event, doc -> doc.seats = withSeat(doc.seats, event.seatId(),
                seat -> seat.withFreeReplacementsUsed(seat.freeReplacementsUsed()
                        + (event.usesFreeReplacement() ? 1 : 0))));
    }

    @EventHandler
    void on(SeatReplacementClosed event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatReplacementClosed event) {
        return change(previous, event, doc -> doc.seats = withSeat(doc.seats, event.seatId(),
                seat -> seat.withFreeReplacementsUsed(seat.freeReplacementsUsed()
                        - (event.freeReplacementReturned() ? 1 : 0))));
    }

    @EventHandler
    void on(SeatProfessionalSwapped event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, SeatProfessionalSwapped event) {
        return change(previous, event, doc -> doc.seats = withSeat(doc.seats, event.seatId(),
                seat -> seat.heldBy(event.professionalId(), event.professionalName())));
    }

    @EventHandler
    void on(ReplacementRequested event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, ReplacementRequested event) {
        return change(previous, event, doc -> {
            GuaranteeReplacementDocument replacement = new GuaranteeReplacementDocument();
            replacement.replacementId = event.replacementId();
            replacement.seatId = event.seatId();
            replacement.status = ReplacementStatus.REQUESTED;
            replacement.eligibility = event.eligibility();
            replacement.slaDueDate = event.slaDueDate();
            replacement.billingModel = event.billingModel();
            replacement.seatRate = event.seatRate();
            List<GuaranteeReplacementDocument> replacements = new ArrayList<>(doc.replacements);
            replacements.add(replacement);
            doc.replacements = replacements;
        });
    }

    @EventHandler
    void on(CandidateProposed event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, CandidateProposed event) {
        return changeReplacement(previous, event, event.replacementId(),
                replacement -> replacement.status = ReplacementStatus.CANDIDATE_PROPOSED);
    }

    @EventHandler
    void on(CandidateRejected event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    /** As in the replacement read model: with no candidate pending, the replacement waits as on request. */
    static GuaranteesDocument evolve(GuaranteesDocument previous, CandidateRejected event) {
        return changeReplacement(previous, event, event.replacementId(),
                replacement -> replacement.status = ReplacementStatus.REQUESTED);
    }

    @EventHandler
    void on(CandidateAccepted event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, CandidateAccepted event) {
        return changeReplacement(previous, event, event.replacementId(), replacement -> {
            replacement.status = ReplacementStatus.CANDIDATE_ACCEPTED;
            replacement.acceptedOn = event.acceptedOn();
            replacement.overlapFrom = event.overlapFrom();
        });
    }

    @EventHandler
    void on(ReplacementCompleted event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, ReplacementCompleted event) {
        return changeReplacement(previous, event, event.replacementId(),
                replacement -> replacement.status = ReplacementStatus.COMPLETED);
    }

    @EventHandler
    void on(ReplacementWithdrawn event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, ReplacementWithdrawn event) {
        return changeReplacement(previous, event, event.replacementId(), replacement -> {
            replacement.status = ReplacementStatus.WITHDRAWN;
            replacement.withdrawnOn = event.withdrawnOn();
        });
    }

    @EventHandler
    void on(ReplacementSlaBreached event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, ReplacementSlaBreached event) {
        return changeReplacement(previous, event, event.replacementId(),
                replacement -> replacement.slaBreachedOn = event.breachedOn());
    }

    @EventHandler
    void on(ServiceCreditGranted event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.replacementId(), sequence, doc -> evolve(doc, event));
    }

    static GuaranteesDocument evolve(GuaranteesDocument previous, ServiceCreditGranted event) {
        return changeReplacement(previous, event, event.replacementId(), replacement -> {
            replacement.creditDaysLate = event.businessDaysLate();
            replacement.creditAmount = event.amount();
            replacement.creditGrantedOn = event.grantedOn();
        });
    }

    /** The next state of an existing engagement's guarantees: a copy of it with {@code change} made. */
    private static GuaranteesDocument change(GuaranteesDocument previous, Object event,
                                             Consumer<GuaranteesDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No guarantees document to apply " + event
                    + " to: the engagement's proposal was never projected");
        }
        GuaranteesDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }

    /** The next state with a copy of one replacement changed by {@code change}. */
    private static GuaranteesDocument changeReplacement(GuaranteesDocument previous, Object event,
                                                        String replacementId,
                                                        Consumer<GuaranteeReplacementDocument> change) {
        return change(previous, event, doc -> {
            if (doc.replacements.stream().noneMatch(r -> r.replacementId.equals(replacementId))) {
                throw new IllegalStateException("No replacement " + replacementId + " in the guarantees of "
                        + doc.engagementId + " to apply " + event + " to: its request was never projected");
            }
            doc.replacements = doc.replacements.stream().map(replacement -> {
                if (!replacement.replacementId.equals(replacementId)) {
                    return replacement;
                }
                GuaranteeReplacementDocument next = replacement.copy();
                change.accept(next);
                return next;
            }).toList();
        });
    }

    private static List<GuaranteeSeatDocument> withSeat(List<GuaranteeSeatDocument> seats, String seatId,
                                                        UnaryOperator<GuaranteeSeatDocument> change) {
        return seats.stream().map(seat -> seat.seatId().equals(seatId) ? change.apply(seat) : seat).toList();
    }
}
