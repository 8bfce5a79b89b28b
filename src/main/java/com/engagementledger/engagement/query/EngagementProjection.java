package com.engagementledger.engagement.query;

import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementResumed;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.RateChangeWithdrawn;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.engagement.api.TrialAccepted;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import com.engagementledger.platform.store.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Builds the engagement read model. Idempotent: an event whose sequence number is not above the document's version
 * was applied before and is skipped, so a replay or a redelivery after a crash changes nothing twice. Writes are
 * coalesced per processing batch: many events on one engagement become one write.
 */
@Component
@ProcessingGroup(EngagementProjection.PROCESSING_GROUP)
public class EngagementProjection {

    public static final String PROCESSING_GROUP = "engagements";

    private final MongoTemplate mongo;
    private final BatchedWrites writes;

    public EngagementProjection(MongoTemplate mongo, BatchedWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        var indexes = mongo.indexOps(EngagementDocument.class);
        indexes.ensureIndex(new Index("clientId", Sort.Direction.ASC));
        indexes.ensureIndex(new Index("status", Sort.Direction.ASC));
        indexes.ensureIndex(new Index("proposedAt", Sort.Direction.DESC));
    }

    @EventHandler
    void on(EngagementProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        EngagementDocument doc = writes.find(EngagementDocument.class, event.engagementId());
        if (doc != null && doc.version >= sequence) {
            return;
        }
        doc = new EngagementDocument();
        doc.engagementId = event.engagementId();
        doc.clientId = event.clientId();
        doc.clientName = event.clientName();
        doc.roleTitle = event.roleTitle();
        doc.currency = event.currency();
        doc.billingModel = event.billingModel();
        doc.terms = event.terms();
        doc.status = EngagementStatus.PROPOSED;
        doc.proposedOn = event.proposedOn();
        doc.proposedAt = at;
        doc.seats = event.seats().stream()
                .map(seat -> new SeatDocument(seat.seatId(), seat.professionalId(), seat.professionalName(),
                        seat.startDate(), null, List.of(RateStep.initial(seat.startDate(), seat.rate()))))
                .toList();
        save(doc, sequence, at);
    }

    @EventHandler
    void on(TrialStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.TRIAL;
            doc.trialStart = event.startDate();
            doc.trialLastDay = event.lastDay();
        });
    }

    @EventHandler
    void on(TrialAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.ACTIVE;
            doc.trialDecidedOn = event.acceptedOn();
            doc.activeFrom = doc.trialStart;
        });
    }

    @EventHandler
    void on(TrialRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.TRIAL_REJECTED;
            doc.trialDecidedOn = event.rejectedOn();
        });
    }

    @EventHandler
    void on(EngagementActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.ACTIVE;
            doc.activeFrom = event.activationDate();
        });
    }

    @EventHandler
    void on(SeatAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> doc.seats = append(doc.seats,
                new SeatDocument(event.seatId(), event.professionalId(), event.professionalName(),
                        event.startDate(), null, List.of(RateStep.initial(event.startDate(), event.rate())))));
    }

    @EventHandler
    void on(SeatReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> new SeatDocument(seat.seatId(), seat.professionalId(), seat.professionalName(),
                        seat.startDate(), event.releaseDate(), seat.rates())));
    }

    @EventHandler
    void on(RateChangeScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> doc.seats = replaceSeat(doc.seats, event.seatId(),
                seat -> new SeatDocument(seat.seatId(), seat.professionalId(), seat.professionalName(),
                        seat.startDate(), seat.releaseDate(), new RateSchedule(seat.rates())
                        .with(new RateStep(event.effectiveDate(), event.newRate(), event.rateChangeId())).steps())));
    }

    @EventHandler
    void on(SeatWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> doc.seats = doc.seats.stream()
                .filter(seat -> !seat.seatId().equals(event.seatId()))
                .toList());
    }

    @EventHandler
    void on(RateChangeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> doc.seats = doc.seats.stream()
                .map(seat -> new SeatDocument(seat.seatId(), seat.professionalId(), seat.professionalName(),
                        seat.startDate(), seat.releaseDate(),
                        new RateSchedule(seat.rates()).without(event.rateChangeId()).steps()))
                .toList());
    }

    @EventHandler
    void on(EngagementPaused event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            if (doc.status == EngagementStatus.ACTIVE) {
                doc.status = EngagementStatus.PAUSED;
            }
            doc.pauses = append(doc.pauses, new PauseDocument(event.pauseDate(), null));
        });
    }

    @EventHandler
    void on(EngagementResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            if (doc.status == EngagementStatus.PAUSED) {
                doc.status = EngagementStatus.ACTIVE;
            }
            PauseDocument open = doc.pauses.get(doc.pauses.size() - 1);
            List<PauseDocument> pauses = new java.util.ArrayList<>(doc.pauses.subList(0, doc.pauses.size() - 1));
            pauses.add(new PauseDocument(open.from(), event.resumeDate()));
            doc.pauses = pauses;
        });
    }

    @EventHandler
    void on(NoticeGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.NOTICE_GIVEN;
            doc.noticeDate = event.noticeDate();
            doc.lastDay = event.lastDay();
        });
    }

    @EventHandler
    void on(EngagementEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.ENDED;
            doc.endedOn = event.endedOn();
        });
    }

    @EventHandler
    void on(EngagementCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.engagementId(), sequence, at, doc -> {
            doc.status = EngagementStatus.CANCELLED;
            doc.cancelledOn = event.cancelledOn();
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), EngagementDocument.class);
    }

    private void update(String engagementId, long sequence, Instant at, Consumer<EngagementDocument> change) {
        EngagementDocument doc = writes.find(EngagementDocument.class, engagementId);
        if (doc == null) {
            throw new IllegalStateException("Engagement " + engagementId + " has no document to apply event #"
                    + sequence + " to: its proposal was never projected");
        }
        if (doc.version >= sequence) {
            return;
        }
        change.accept(doc);
        save(doc, sequence, at);
    }

    private void save(EngagementDocument doc, long sequence, Instant at) {
        doc.version = sequence;
        doc.lastChangedAt = at;
        writes.save(doc.engagementId, doc);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new java.util.ArrayList<>(list);
        next.add(item);
        return next;
    }

    private static List<SeatDocument> replaceSeat(List<SeatDocument> seats, String seatId,
                                                  UnaryOperator<SeatDocument> change) {
        return seats.stream().map(seat -> seat.seatId().equals(seatId) ? change.apply(seat) : seat).toList();
    }
}
