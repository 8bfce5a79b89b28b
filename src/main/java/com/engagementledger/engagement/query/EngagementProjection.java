package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementResumed;
import com.engagementledger.engagement.api.PauseWithdrawn;
import com.engagementledger.engagement.api.ResumeWithdrawn;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.NoticeWithdrawn;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.IpExclusionsSet;
import com.engagementledger.engagement.api.RateChangeWithdrawn;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatHolder;
import com.engagementledger.engagement.api.SeatOverlap;
import com.engagementledger.engagement.api.SeatOverlapScheduled;
import com.engagementledger.engagement.api.SeatProfessionalSwapped;
import com.engagementledger.engagement.api.SeatReleaseWithdrawn;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatReplacementClosed;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.engagement.api.TrialAccepted;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import java.time.Instant;
import java.time.LocalDate;
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
 * Builds the engagement read model. Each handler applies a pure step, {@code evolve(document, event)}, that the
 * platform's {@link DocumentProjection} skips when the engagement's event was applied before, so a replay or a
 * redelivery after a crash changes nothing twice. Writes are coalesced per processing batch: many events on one
 * engagement become one write. The document's {@code version} is the sequence number of its last event.
 */
@Component
@ProcessingGroup(EngagementProjection.PROCESSING_GROUP)
public class EngagementProjection extends DocumentProjection<EngagementDocument> {

    public static final String PROCESSING_GROUP = "engagements";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(EngagementDocument.class,
                    new Index("clientId", Sort.Direction.ASC),
                    new Index("status", Sort.Direction.ASC),
                    new Index("proposedAt", Sort.Direction.DESC)));

    public EngagementProjection(BatchedWrites writes) {
        super(READ_MODEL, EngagementDocument.class, writes);
    }

    @EventHandler
    void on(EngagementProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> {
            EngagementDocument proposed = evolve(doc, event);
            // the instant orders "newest first"; the pure step knows only the event, the handler its timestamp
            proposed.proposedAt = at;
            return proposed;
        });
    }

    static EngagementDocument evolve(EngagementDocument previous, EngagementProposed event) {
        EngagementDocument doc = new EngagementDocument();
        doc.engagementId = event.engagementId();
        doc.clientId = event.clientId();
        doc.clientName = event.clientName();
        doc.roleTitle = event.roleTitle();
        doc.currency = event.currency();
        doc.billingModel = event.billingModel();
        doc.terms = event.terms();
        doc.status = EngagementStatus.PROPOSED;
        doc.proposedOn = event.proposedOn();
        doc.seats = event.seats().stream()
                .map(seat -> SeatDocument.of(new CalendarSeat(seat.seatId(), seat.professionalId(),
                        seat.professionalName(), seat.startDate(), null,
                        RateSchedule.startingAt(seat.startDate(), seat.rate())), null))
                .toList();
        return doc;
    }

    @EventHandler
    void on(TrialStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, TrialStarted event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.TRIAL;
            doc.trialStart = event.startDate();
            doc.trialLastDay = event.lastDay();
        });
    }

    @EventHandler
    void on(TrialAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, TrialAccepted event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.ACTIVE;
            doc.trialDecidedOn = event.acceptedOn();
            doc.activeFrom = doc.trialStart;
        });
    }

    @EventHandler
    void on(TrialRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, TrialRejected event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.TRIAL_REJECTED;
            doc.trialDecidedOn = event.rejectedOn();
        });
    }

    @EventHandler
    void on(EngagementActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, EngagementActivated event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.ACTIVE;
            doc.activeFrom = event.activationDate();
        });
    }

    @EventHandler
    void on(SeatAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatAdded event) {
        return change(previous, event, doc -> doc.seats = append(doc.seats,
                SeatDocument.of(new CalendarSeat(event.seatId(), event.professionalId(), event.professionalName(),
                        event.startDate(), null, RateSchedule.startingAt(event.startDate(), event.rate())), null)));
    }

    @EventHandler
    void on(SeatReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatReleased event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> seat.changed(calendarSeat -> calendarSeat.releasedOn(event.releaseDate()))));
    }

    @EventHandler
    void on(SeatReleaseWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatReleaseWithdrawn event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> seat.changed(calendarSeat -> calendarSeat.releasedOn(null))));
    }

    @EventHandler
    void on(RateChangeScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, RateChangeScheduled event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> seat.changed(calendarSeat -> calendarSeat.withRates(calendarSeat.rates()
                        .with(new RateStep(event.effectiveDate(), event.newRate(), event.rateChangeId()))))));
    }

    @EventHandler
    void on(SeatWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatWithdrawn event) {
        return change(previous, event, doc -> doc.seats = doc.seats.stream()
                .filter(seat -> !seat.seatId().equals(event.seatId()))
                .toList());
    }

    @EventHandler
    void on(RateChangeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, RateChangeWithdrawn event) {
        return change(previous, event, doc -> doc.seats = doc.seats.stream()
                .map(seat -> seat.changed(calendarSeat -> calendarSeat.withRates(
                        calendarSeat.rates().without(event.rateChangeId()))))
                .toList());
    }

    @EventHandler
    void on(IpExclusionsSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, IpExclusionsSet event) {
        return change(previous, event, doc -> doc.ipExclusions = List.copyOf(event.exclusions()));
    }

    @EventHandler
    void on(SeatReplacementOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatReplacementOpened event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> seat.heldOpenBy(event.replacementId())));
    }

    @EventHandler
    void on(SeatOverlapScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatOverlapScheduled event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> seat.changed(calendarSeat -> calendarSeat.withOverlap(new SeatOverlap(event.replacementId(),
                        event.professionalId(), event.professionalName(), event.from(), event.to(),
                        event.zeroRated())))));
    }

    @EventHandler
    void on(SeatProfessionalSwapped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    /** The swap ends the overlap where it ran to and, if the replacement still held the seat open, frees it. */
    static EngagementDocument evolve(EngagementDocument previous, SeatProfessionalSwapped event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> closed(seat.changed(calendarSeat -> calendarSeat
                        .heldBy(new SeatHolder(event.professionalId(), event.professionalName(), event.swapDate()))
                        .overlapRanUntil(event.replacementId(), event.overlapTo())), event.replacementId())));
    }

    @EventHandler
    void on(SeatReplacementClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, SeatReplacementClosed event) {
        return change(previous, event, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> closed(seat.changed(calendarSeat -> calendarSeat
                        .overlapRanUntil(event.replacementId(), event.overlapTo())), event.replacementId())));
    }

    @EventHandler
    void on(EngagementPaused event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, EngagementPaused event) {
        return change(previous, event, doc -> {
            if (doc.status == EngagementStatus.ACTIVE) {
                doc.status = EngagementStatus.PAUSED;
            }
            doc.pauses = append(doc.pauses, new PauseDocument(event.pauseDate(), null));
        });
    }

    @EventHandler
    void on(EngagementResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, EngagementResumed event) {
        return change(previous, event, doc -> {
            if (doc.status == EngagementStatus.PAUSED) {
                doc.status = EngagementStatus.ACTIVE;
            }
            doc.pauses = withLastPauseUntil(doc.pauses, event.resumeDate());
        });
    }

    @EventHandler
    void on(PauseWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, PauseWithdrawn event) {
        return change(previous, event, doc -> {
            if (doc.status == EngagementStatus.PAUSED) {
                doc.status = EngagementStatus.ACTIVE;
            }
            doc.pauses = List.copyOf(doc.pauses.subList(0, doc.pauses.size() - 1));
        });
    }

    @EventHandler
    void on(ResumeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, ResumeWithdrawn event) {
        return change(previous, event, doc -> {
            if (doc.status == EngagementStatus.ACTIVE) {
                doc.status = EngagementStatus.PAUSED;
            }
            doc.pauses = withLastPauseUntil(doc.pauses, null);
        });
    }

    @EventHandler
    void on(NoticeGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, NoticeGiven event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.NOTICE_GIVEN;
            doc.noticeDate = event.noticeDate();
            doc.lastDay = event.lastDay();
        });
    }

    @EventHandler
    void on(NoticeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, NoticeWithdrawn event) {
        return change(previous, event, doc -> {
            boolean paused = !doc.pauses.isEmpty() && doc.pauses.get(doc.pauses.size() - 1).until() == null;
            doc.status = paused ? EngagementStatus.PAUSED : EngagementStatus.ACTIVE;
            doc.noticeDate = null;
            doc.lastDay = null;
        });
    }

    @EventHandler
    void on(EngagementEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, EngagementEnded event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.ENDED;
            doc.endedOn = event.endedOn();
        });
    }

    @EventHandler
    void on(EngagementCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        project(event.engagementId(), sequence, at, doc -> evolve(doc, event));
    }

    static EngagementDocument evolve(EngagementDocument previous, EngagementCancelled event) {
        return change(previous, event, doc -> {
            doc.status = EngagementStatus.CANCELLED;
            doc.cancelledOn = event.cancelledOn();
        });
    }

    private void project(String engagementId, long sequence, Instant at, UnaryOperator<EngagementDocument> step) {
        apply(engagementId, engagementId, sequence, doc -> {
            EngagementDocument next = step.apply(doc);
            next.version = sequence;
            next.lastChangedAt = at;
            return next;
        });
    }

    /** The next state of an existing engagement: a copy of it with {@code change} made. */
    private static EngagementDocument change(EngagementDocument previous, Object event,
                                             Consumer<EngagementDocument> change) {
        if (previous == null) {
            throw new IllegalStateException("No engagement document to apply " + event
                    + " to: its proposal was never projected");
        }
        EngagementDocument doc = ReadModelDocument.copyOf(previous);
        change.accept(doc);
        return doc;
    }

    /** Resuming closes the last pause and withdrawing the resume reopens it: both only move its {@code until}. */
    private static List<PauseDocument> withLastPauseUntil(List<PauseDocument> pauses, LocalDate until) {
        int last = pauses.size() - 1;
        List<PauseDocument> next = new java.util.ArrayList<>(pauses.subList(0, last));
        next.add(new PauseDocument(pauses.get(last).from(), until));
        return next;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new java.util.ArrayList<>(list);
        next.add(item);
        return next;
    }

    /** The seat no longer held open by {@code replacementId}; one held open by another stays so. */
    private static SeatDocument closed(SeatDocument seat, String replacementId) {
        return replacementId.equals(seat.openReplacementId()) ? seat.heldOpenBy(null) : seat;
    }

    private static List<SeatDocument> replaceSeat(List<SeatDocument> seats, String seatId,
                                                  UnaryOperator<SeatDocument> change) {
        return seats.stream().map(seat -> seat.seatId().equals(seatId) ? change.apply(seat) : seat).toList();
    }
}
