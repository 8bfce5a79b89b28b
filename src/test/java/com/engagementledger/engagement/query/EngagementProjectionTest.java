package com.engagementledger.engagement.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementResumed;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.PauseWithdrawn;
import com.engagementledger.engagement.api.ResumeWithdrawn;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.IpExclusionsSet;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.FindEngagements;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.NoticeWithdrawn;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.RateChangeWithdrawn;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatHolderView;
import com.engagementledger.engagement.api.SeatOverlap;
import com.engagementledger.engagement.api.SeatOverlapScheduled;
import com.engagementledger.engagement.api.SeatProfessionalSwapped;
import com.engagementledger.engagement.api.SeatReplacementClosed;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.BatchedWritesInterceptor;
import com.engagementledger.platform.store.Evolution;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.engagementledger.support.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The engagement projection and its query handler against the embedded MongoDB wire-protocol server, through the
 * real driver: idempotent on redelivery, exact with money and dates, and answering "today" per time zone.
 */
class EngagementProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Instant AT = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final EngagementTerms TERMS = new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 14, 90, 2,
            5, 5, 30, IpTrigger.ON_PAYMENT);

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private EngagementProjection projection;
    private EngagementQueryHandler queries;

    @BeforeEach
    void projectionAndQueries() {
        mongo = STORE.template();
        projection = new EngagementProjection(new BatchedWrites(mongo));
        queries = new EngagementQueryHandler(mongo, Clock.fixed(AT, ZoneOffset.UTC));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<Runnable> history = history("e1");
        history.forEach(Runnable::run);
        List<Document> once = raw();
        history.forEach(Runnable::run);
        history.get(0).run();
        assertThat(raw()).isEqualTo(once);
        assertThat(once.get(0).get("version")).isEqualTo(4L);
    }

    @Test
    void aBatchWritesEachDocumentOnceAfterItsLastEventAndAFailedBatchIsSafeToProcessAgain() throws Exception {
        BatchedWrites writes = new BatchedWrites(mongo);
        EngagementProjection batched = new EngagementProjection(writes);
        BatchedWritesInterceptor interceptor = new BatchedWritesInterceptor(writes);
        List<Object> events = List.of(proposed("b1", "acme", TODAY), new EngagementActivated("b1", TODAY),
                proposed("b2", "acme", TODAY), new EngagementPaused("b1", TODAY.plusDays(1)));
        List<Long> storedWhileHandling = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events.stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList());
        long[] sequence = {0, 1, 0, 2};
        batch.executeWithResult(() -> {
            UnitOfWork<EventMessage<?>> unitOfWork = current();
            int index = events.indexOf(unitOfWork.getMessage().getPayload());
            return interceptor.handle(unitOfWork, () -> {
                dispatch(batched, events.get(index), sequence[index]);
                storedWhileHandling.add(mongo.getCollection("engagements").countDocuments());
                return null;
            });
        }, RollbackConfigurationType.ANY_THROWABLE);
        assertThat(storedWhileHandling).as("nothing is written before the batch's last event").containsOnly(0L);
        EngagementView b1 = queries.find(new FindEngagement("b1")).orElseThrow();
        assertThat(b1.status()).as("paused from tomorrow, active today").isEqualTo(EngagementStatus.ACTIVE);
        assertThat(b1.dates().scheduledPauseFrom()).isEqualTo(TODAY.plusDays(1));
        assertThat(queries.find(new FindEngagement("b1")).orElseThrow().version()).isEqualTo(2);
        assertThat(queries.find(new FindEngagement("b2"))).isPresent();

        // The batch's last event fails: the writes of its earlier events are flushed all the same (were the batch
        // committed regardless, its token would move on), and processing the batch again changes nothing twice.
        List<Object> retried = List.of(proposed("b3", "acme", TODAY), new EngagementActivated("b3", TODAY));
        AtomicBoolean poisoned = new AtomicBoolean(true);
        for (int attempt = 0; attempt < 2; attempt++) {
            BatchingUnitOfWork<EventMessage<?>> run = new BatchingUnitOfWork<>(retried.stream()
                    .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList());
            run.executeWithResult(() -> interceptor.handle(current(), () -> {
                Object payload = current().getMessage().getPayload();
                if (payload instanceof EngagementActivated && poisoned.getAndSet(false)) {
                    throw new IllegalStateException("poison");
                }
                dispatch(batched, payload, retried.indexOf(payload));
                return null;
            }), RollbackConfigurationType.ANY_THROWABLE);
            EngagementView b3 = queries.find(new FindEngagement("b3")).orElseThrow();
            assertThat(b3.version()).as("attempt " + attempt).isEqualTo(attempt);
        }
        assertThat(queries.find(new FindEngagement("b3")).orElseThrow().status()).isEqualTo(EngagementStatus.ACTIVE);
    }

    @SuppressWarnings("unchecked")
    private static UnitOfWork<EventMessage<?>> current() {
        return (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
    }

    private static void dispatch(EngagementProjection projection, Object event, long sequence) {
        if (event instanceof EngagementProposed proposed) {
            projection.on(proposed, sequence, AT);
        } else if (event instanceof EngagementActivated activated) {
            projection.on(activated, sequence, AT);
        } else if (event instanceof EngagementPaused paused) {
            projection.on(paused, sequence, AT);
        }
    }

    @Test
    void theProjectionsStepsFoldedOverAnEngagementsEventsGiveTheStoredDocument() {
        List<Object> events = List.of(proposed("f1", "acme", TODAY.minusDays(20)),
                new EngagementActivated("f1", TODAY.minusDays(20)),
                new SeatAdded("f1", "s2", "p2", "Robin", new BigDecimal("9100.00"), TODAY.plusDays(1)),
                new EngagementPaused("f1", TODAY.minusDays(3)), new EngagementResumed("f1", TODAY));
        for (int i = 0; i < events.size(); i++) {
            dispatchAny(projection, events.get(i), i);
        }
        Evolution<EngagementDocument> evolution = Evolution.of(EngagementProjection.class, EngagementDocument.class);
        EngagementDocument folded = evolution.fold(events);
        Document stored = new Document();
        mongo.getConverter().write(mongo.findById("f1", EngagementDocument.class), stored);
        Document replayed = new Document();
        mongo.getConverter().write(folded, replayed);
        // the handlers stamp these from the message (sequence, timestamp); the pure steps see only payloads
        for (String storageOnly : List.of("version", "lastChangedAt", "proposedAt", "applied", "_class")) {
            stored.remove(storageOnly);
            replayed.remove(storageOnly);
        }
        assertThat(replayed).isEqualTo(stored);
        assertThat(evolution.fold(events.subList(0, 2)).status).as("a point in time: after the activation")
                .isEqualTo(EngagementStatus.ACTIVE);
    }

    private static void dispatchAny(EngagementProjection projection, Object event, long sequence) {
        if (event instanceof SeatAdded added) {
            projection.on(added, sequence, AT);
        } else if (event instanceof EngagementResumed resumed) {
            projection.on(resumed, sequence, AT);
        } else {
            dispatch(projection, event, sequence);
        }
    }

    @Test
    void theIpExclusionsShownAreTheLastListSet() {
        history("x1").forEach(Runnable::run);
        assertThat(queries.find(new FindEngagement("x1")).orElseThrow().ipExclusions()).isEmpty();
        projection.on(new IpExclusionsSet("x1", List.of("Acme billing engine", "In-house UI kit"), "Contract §7"),
                4, AT);
        projection.on(new IpExclusionsSet("x1", List.of("In-house UI kit"), "Engine licensed separately"), 5, AT);
        assertThat(queries.find(new FindEngagement("x1")).orElseThrow().ipExclusions())
                .containsExactly("In-house UI kit");
    }

    @Test
    void anOlderEventArrivingLateIsIgnored() {
        history("e2").forEach(Runnable::run);
        projection.on(new SeatReleased("e2", "s1", TODAY.plusDays(5)), 1, AT);
        EngagementView view = queries.find(new FindEngagement("e2")).orElseThrow();
        assertThat(view.seats().get(0).releaseDate()).isNull();
    }

    @Test
    void amountsKeepTheirScaleAndDatesTheirDay() {
        history("e3").forEach(Runnable::run);
        Document stored = raw().get(0);
        Document seat = stored.getList("seats", Document.class).get(0);
        Object rate = seat.getList("rates", Document.class).get(0).get("rate");
        assertThat(rate).hasToString("9800.00");
        EngagementView view = queries.find(new FindEngagement("e3")).orElseThrow();
        assertThat(view.seats().get(0).currentRate()).isEqualTo(new BigDecimal("9800.00"));
        assertThat(view.seats().get(0).startDate()).isEqualTo(TODAY.minusDays(20));
        assertThat(view.dates().activeFrom()).isEqualTo(TODAY.minusDays(20));
    }

    @Test
    void ratesAreCurrentOrScheduledAsOfTodayAndHeldSeatsFollowTheStatus() {
        history("e4").forEach(Runnable::run);
        EngagementView view = queries.find(new FindEngagement("e4")).orElseThrow();
        assertThat(view.asOfDate()).isEqualTo(TODAY);
        assertThat(view.seats().get(0).currentRate()).isEqualByComparingTo("9800.00");
        assertThat(view.seats().get(0).scheduledRates()).singleElement()
                .satisfies(step -> assertThat(step.effectiveDate()).isEqualTo(TODAY.plusDays(30)));
        assertThat(view.seats().get(0).heldToday()).isTrue();
        assertThat(view.seats().get(1).heldToday()).as("starts tomorrow").isFalse();
        assertThat(view.seats().get(1).scheduledRates()).as("its starting rate is no change, its review is")
                .singleElement().satisfies(step -> assertThat(step.rate()).isEqualByComparingTo("9300.00"));

        projection.on(new EngagementPaused("e4", TODAY.minusDays(5)), 5, AT);
        EngagementView paused = queries.find(new FindEngagement("e4")).orElseThrow();
        assertThat(paused.seats()).as("nobody works during a pause").noneMatch(seat -> seat.heldToday());
        projection.on(new EngagementResumed("e4", TODAY), 6, AT);
        assertThat(queries.find(new FindEngagement("e4")).orElseThrow().seats().get(0).heldToday()).isTrue();

        projection.on(new NoticeGiven("e4", TODAY.minusDays(40), TODAY.minusDays(1), false, null), 7, AT);
        EngagementView afterLastDay = queries.find(new FindEngagement("e4")).orElseThrow();
        assertThat(afterLastDay.status()).isEqualTo(EngagementStatus.NOTICE_GIVEN);
        assertThat(afterLastDay.seats()).noneMatch(seat -> seat.heldToday());
    }

    @Test
    void theListFiltersByStatusAndClientAndPagesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            String id = "list-" + i;
            projection.on(proposed(id, i % 2 == 0 ? "acme" : "globex", TODAY.minusDays(10 - i)), 0,
                    AT.minus(Duration.ofDays(10 - i)));
            if (i < 2) {
                projection.on(new EngagementActivated(id, TODAY), 1, AT);
            }
        }
        EngagementPage acme = queries.list(new FindEngagements(null, "acme", 0, 2));
        assertThat(acme.totalItems()).isEqualTo(3);
        assertThat(acme.totalPages()).isEqualTo(2);
        assertThat(acme.items()).extracting(summary -> summary.engagementId()).containsExactly("list-4", "list-2");
        EngagementPage active = queries.list(new FindEngagements(EngagementStatus.ACTIVE, null, 0, 10));
        assertThat(active.items()).extracting(summary -> summary.engagementId())
                .containsExactlyInAnyOrder("list-0", "list-1");
        assertThat(queries.list(new FindEngagements(EngagementStatus.ACTIVE, "acme", 0, 10)).items())
                .extracting(summary -> summary.engagementId()).containsExactly("list-0");
    }

    @Test
    void newestFirstMeansTheLatestProposalInstantNotTheIdOnTheSameDay() {
        projection.on(proposed("a-later", "initech", TODAY), 0, AT.plusSeconds(3600));
        projection.on(proposed("z-earlier", "initech", TODAY), 0, AT);
        projection.on(proposed("m-latest", "initech", TODAY), 0, AT.plusSeconds(7200));
        assertThat(queries.list(new FindEngagements(null, "initech", 0, 10)).items())
                .extracting(summary -> summary.engagementId()).containsExactly("m-latest", "a-later", "z-earlier");
    }

    @Test
    void aPauseFromALaterDayLeavesTheEngagementActiveTodayAndShowsAsScheduled() {
        projection.on(proposed("f1", "acme", TODAY.minusDays(20)), 0, AT);
        projection.on(new EngagementActivated("f1", TODAY.minusDays(20)), 1, AT);
        projection.on(new EngagementPaused("f1", TODAY.plusDays(5)), 2, AT);

        EngagementView view = queries.find(new FindEngagement("f1")).orElseThrow();
        assertThat(view.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(view.dates().pausedFrom()).isNull();
        assertThat(view.dates().scheduledPauseFrom()).isEqualTo(TODAY.plusDays(5));
        assertThat(view.seats().get(0).heldToday()).isTrue();
        assertThat(queries.list(new FindEngagements(EngagementStatus.ACTIVE, "acme", 0, 10)).items())
                .extracting(summary -> summary.engagementId()).containsExactly("f1");
        assertThat(queries.list(new FindEngagements(EngagementStatus.PAUSED, "acme", 0, 10)).totalItems()).isZero();
        assertThat(queries.list(new FindEngagements(null, "acme", 0, 10)).items().get(0).seatsHeldToday())
                .isEqualTo(1);

        EngagementQueryHandler onThePauseDay = new EngagementQueryHandler(mongo,
                Clock.fixed(AT.plus(Duration.ofDays(5)), ZoneOffset.UTC));
        EngagementView paused = onThePauseDay.find(new FindEngagement("f1")).orElseThrow();
        assertThat(paused.status()).isEqualTo(EngagementStatus.PAUSED);
        assertThat(paused.dates().pausedFrom()).isEqualTo(TODAY.plusDays(5));
        assertThat(paused.dates().scheduledPauseFrom()).isNull();
        assertThat(onThePauseDay.list(new FindEngagements(EngagementStatus.PAUSED, "acme", 0, 10)).items())
                .extracting(summary -> summary.engagementId()).containsExactly("f1");
    }

    @Test
    void aResumeFromALaterDayLeavesTheEngagementPausedTodayAndShowsAsScheduled() {
        projection.on(proposed("f2", "acme", TODAY.minusDays(20)), 0, AT);
        projection.on(new EngagementActivated("f2", TODAY.minusDays(20)), 1, AT);
        projection.on(new EngagementPaused("f2", TODAY.minusDays(5)), 2, AT);
        projection.on(new EngagementResumed("f2", TODAY.plusDays(3)), 3, AT);

        EngagementView view = queries.find(new FindEngagement("f2")).orElseThrow();
        assertThat(view.status()).isEqualTo(EngagementStatus.PAUSED);
        assertThat(view.dates().pausedFrom()).isEqualTo(TODAY.minusDays(5));
        assertThat(view.dates().resumedOn()).isNull();
        assertThat(view.dates().scheduledResumeOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(view.seats().get(0).heldToday()).isFalse();
    }

    @Test
    void aPauseUnderNoticeKeepsTheNoticeStatusAndItsResumeBillsTheLastDays() {
        projection.on(proposed("f3", "acme", TODAY.minusDays(20)), 0, AT);
        projection.on(new EngagementActivated("f3", TODAY.minusDays(20)), 1, AT);
        projection.on(new NoticeGiven("f3", TODAY.minusDays(2), TODAY.plusDays(30), false, null), 2, AT);
        projection.on(new EngagementPaused("f3", TODAY.minusDays(1)), 3, AT);
        EngagementView paused = queries.find(new FindEngagement("f3")).orElseThrow();
        assertThat(paused.status()).isEqualTo(EngagementStatus.NOTICE_GIVEN);
        assertThat(paused.dates().pausedFrom()).isEqualTo(TODAY.minusDays(1));
        assertThat(paused.seats().get(0).heldToday()).isFalse();

        projection.on(new EngagementResumed("f3", TODAY), 4, AT);
        EngagementView resumed = queries.find(new FindEngagement("f3")).orElseThrow();
        assertThat(resumed.status()).isEqualTo(EngagementStatus.NOTICE_GIVEN);
        assertThat(resumed.dates().resumedOn()).isEqualTo(TODAY);
        assertThat(resumed.seats().get(0).heldToday()).isTrue();
    }

    @Test
    void aWithdrawnNoticeLeavesTheEngagementPausedAsItWasWithoutALastDay() {
        projection.on(proposed("f4", "acme", TODAY.minusDays(20)), 0, AT);
        projection.on(new EngagementActivated("f4", TODAY.minusDays(20)), 1, AT);
        projection.on(new NoticeGiven("f4", TODAY.minusDays(2), TODAY.plusDays(30), false, null), 2, AT);
        projection.on(new EngagementPaused("f4", TODAY.minusDays(1)), 3, AT);
        projection.on(new NoticeWithdrawn("f4", TODAY.minusDays(2), TODAY, null), 4, AT);
        EngagementView withdrawn = queries.find(new FindEngagement("f4")).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(EngagementStatus.PAUSED);
        assertThat(withdrawn.dates().lastDay()).isNull();
        assertThat(withdrawn.dates().noticeDate()).isNull();
    }

    @Test
    void eachSeatShowsItsFirstBilledDayOnceTheEngagementStarted() {
        projection.on(proposed("b1", "acme", TODAY.minusDays(20)), 0, AT);
        assertThat(queries.find(new FindEngagement("b1")).orElseThrow().seats().get(0).firstBilledDay()).isNull();
        projection.on(new EngagementActivated("b1", TODAY.minusDays(5)), 1, AT);
        projection.on(new SeatAdded("b1", "s9", "p9", "Pat", new BigDecimal("100.00"), TODAY.plusDays(7)), 2, AT);
        EngagementView view = queries.find(new FindEngagement("b1")).orElseThrow();
        assertThat(view.seats()).extracting(seat -> seat.firstBilledDay())
                .containsExactly(TODAY.minusDays(5), TODAY.plusDays(7));
    }

    @Test
    void rateChangesThatCanNeverApplyAreNotListedAsScheduledNorInTheRateHistory() {
        projection.on(proposed("m1", "acme", TODAY.minusDays(20)), 0, AT);
        projection.on(new EngagementActivated("m1", TODAY.minusDays(20)), 1, AT);
        String seat = queries.find(new FindEngagement("m1")).orElseThrow().seats().get(0).seatId();
        projection.on(new RateChangeScheduled("m1", seat, new BigDecimal("9900.00"), TODAY.plusDays(40), TODAY,
                "review", "rc-1"), 2, AT);
        projection.on(new SeatReleased("m1", seat, TODAY.plusDays(40)), 3, AT);
        assertThat(queries.find(new FindEngagement("m1")).orElseThrow().seats().get(0).scheduledRates()).isEmpty();
        assertThat(queries.find(new FindEngagement("m1")).orElseThrow().seats().get(0).rateHistory())
                .as("nor in its history: it never applied").extracting(step -> step.effectiveDate())
                .containsExactly(TODAY.minusDays(20));

        projection.on(proposed("m2", "acme", TODAY), 0, AT);
        String proposedSeat = queries.find(new FindEngagement("m2")).orElseThrow().seats().get(0).seatId();
        projection.on(new RateChangeScheduled("m2", proposedSeat, new BigDecimal("9900.00"), TODAY.plusDays(40),
                TODAY, "review", "rc-2"), 1, AT);
        projection.on(new EngagementCancelled("m2", TODAY, null), 2, AT);
        assertThat(queries.find(new FindEngagement("m2")).orElseThrow().seats().get(0).scheduledRates()).isEmpty();
    }

    @Test
    void aWithdrawnPauseAndAWithdrawnResumeLeaveTheReadModel() {
        projection.on(proposed("f4", "acme", TODAY.minusDays(20)), 0, AT);
        projection.on(new EngagementActivated("f4", TODAY.minusDays(20)), 1, AT);
        projection.on(new EngagementPaused("f4", TODAY.plusDays(5)), 2, AT);
        projection.on(new PauseWithdrawn("f4", TODAY.plusDays(5), TODAY, null), 3, AT);
        EngagementView withdrawn = queries.find(new FindEngagement("f4")).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(withdrawn.dates().scheduledPauseFrom()).isNull();

        projection.on(new EngagementPaused("f4", TODAY.minusDays(2)), 4, AT);
        projection.on(new EngagementResumed("f4", TODAY.plusDays(3)), 5, AT);
        projection.on(new ResumeWithdrawn("f4", TODAY.plusDays(3), TODAY, "still away"), 6, AT);
        EngagementView open = queries.find(new FindEngagement("f4")).orElseThrow();
        assertThat(open.status()).isEqualTo(EngagementStatus.PAUSED);
        assertThat(open.dates().pausedFrom()).isEqualTo(TODAY.minusDays(2));
        assertThat(open.dates().scheduledResumeOn()).isNull();
        assertThat(open.version()).isEqualTo(6);
    }

    @Test
    void aWithdrawnSeatAndAWithdrawnRateChangeLeaveTheReadModel() {
        history("w1").forEach(Runnable::run);
        EngagementView before = queries.find(new FindEngagement("w1")).orElseThrow();
        assertThat(before.seats().get(0).scheduledRates()).singleElement()
                .satisfies(step -> assertThat(step.rateChangeId()).isEqualTo("rc-1"));

        projection.on(new SeatWithdrawn("w1", "s2", TODAY), 5, AT);
        projection.on(new RateChangeWithdrawn("w1", "rc-1", TODAY, "client declined"), 6, AT);

        EngagementView after = queries.find(new FindEngagement("w1")).orElseThrow();
        assertThat(after.seats()).extracting(seat -> seat.seatId()).containsExactly("s1");
        assertThat(after.seats().get(0).scheduledRates()).isEmpty();
        assertThat(after.seats().get(0).rateHistory()).singleElement()
                .satisfies(step -> assertThat(step.rate()).isEqualByComparingTo("9800.00"));
        assertThat(after.version()).isEqualTo(6);
    }

    @Test
    void aResetClearsOnlyTheEngagements() {
        history("e5").forEach(Runnable::run);
        mongo.getCollection("other").insertOne(new Document("_id", "keep"));
        projection.reset();
        assertThat(mongo.getCollection("engagements").countDocuments()).isZero();
        assertThat(mongo.getCollection("other").countDocuments()).isEqualTo(1);
    }

    @Test
    void eachSeatShowsItsHoldersItsOverlapsAndTheReplacementHoldingItOpen() {
        history("h1").forEach(Runnable::run);
        projection.on(new SeatReplacementOpened("h1", "s1", "r1", TODAY.minusDays(8), true), 5, AT);
        projection.on(new SeatOverlapScheduled("h1", "s1", "r1", "p9", "Chiara", TODAY.minusDays(6),
                TODAY.minusDays(1), true), 6, AT);
        SeatView open = queries.find(new FindEngagement("h1")).orElseThrow().seats().get(0);
        assertThat(open.openReplacementId()).isEqualTo("r1");
        assertThat(open.overlaps()).containsExactly(new SeatOverlap("r1", "p9", "Chiara", TODAY.minusDays(6),
                TODAY.minusDays(1), true));
        assertThat(open.holders()).containsExactly(new SeatHolderView("p1", "Anna", TODAY.minusDays(20), null));

        projection.on(new SeatProfessionalSwapped("h1", "s1", "r1", "p9", "Chiara", TODAY.minusDays(2),
                TODAY.minusDays(3)), 7, AT);
        SeatView swapped = queries.find(new FindEngagement("h1")).orElseThrow().seats().get(0);
        assertThat(swapped.openReplacementId()).isNull();
        assertThat(swapped.professionalId()).as("today's holder").isEqualTo("p9");
        assertThat(swapped.professionalName()).isEqualTo("Chiara");
        assertThat(swapped.holders()).containsExactly(
                new SeatHolderView("p1", "Anna", TODAY.minusDays(20), TODAY.minusDays(3)),
                new SeatHolderView("p9", "Chiara", TODAY.minusDays(2), null));
        assertThat(swapped.overlaps()).as("completed early: only the days that ran").containsExactly(
                new SeatOverlap("r1", "p9", "Chiara", TODAY.minusDays(6), TODAY.minusDays(3), true));
        assertThat(queries.find(new FindEngagement("h1")).orElseThrow().seats().get(1).holders())
                .as("another seat keeps its holder").extracting(SeatHolderView::professionalId).containsExactly("p2");
    }

    @Test
    void aSwapFromALaterDayNamesTheOutgoingProfessionalUntilThen() {
        history("h2").forEach(Runnable::run);
        projection.on(new SeatReplacementOpened("h2", "s1", "r1", TODAY.minusDays(8), false), 5, AT);
        projection.on(new SeatProfessionalSwapped("h2", "s1", "r1", "p9", "Chiara", TODAY.plusDays(1), null),
                6, AT);
        SeatView seat = queries.find(new FindEngagement("h2")).orElseThrow().seats().get(0);
        assertThat(seat.professionalId()).isEqualTo("p1");
        assertThat(seat.holders()).extracting(SeatHolderView::to).containsExactly(TODAY, null);
    }

    @Test
    void aClosedReplacementFreesTheSeatAndKeepsOnlyTheOverlapDaysThatRan() {
        history("h3").forEach(Runnable::run);
        projection.on(new SeatReplacementOpened("h3", "s1", "r1", TODAY.minusDays(8), true), 5, AT);
        projection.on(new SeatOverlapScheduled("h3", "s1", "r1", "p9", "Chiara", TODAY.minusDays(2),
                TODAY.plusDays(3), false), 6, AT);
        projection.on(new SeatReplacementClosed("h3", "s1", "r1", TODAY, TODAY.minusDays(1), false), 7, AT);
        SeatView seat = queries.find(new FindEngagement("h3")).orElseThrow().seats().get(0);
        assertThat(seat.openReplacementId()).isNull();
        assertThat(seat.professionalId()).isEqualTo("p1");
        assertThat(seat.overlaps()).containsExactly(new SeatOverlap("r1", "p9", "Chiara", TODAY.minusDays(2),
                TODAY.minusDays(1), false));

        projection.on(new SeatReplacementOpened("h3", "s1", "r2", TODAY, true), 8, AT);
        projection.on(new SeatReplacementClosed("h3", "s1", "r2", TODAY, null, true), 9, AT);
        assertThat(queries.find(new FindEngagement("h3")).orElseThrow().seats().get(0).overlaps())
                .as("a replacement without overlap leaves the others").hasSize(1);
    }

    @Test
    void aSeatStoredBeforeHoldersWereRecordedReadsAsHeldByItsProfessionalThroughout() {
        history("h4").forEach(Runnable::run);
        Document stored = raw().get(0);
        stored.getList("seats", Document.class).forEach(seat -> {
            seat.remove("holders");
            seat.remove("overlaps");
            seat.remove("openReplacementId");
        });
        mongo.getCollection("engagements").replaceOne(new Document("_id", "h4"), stored);
        SeatView seat = queries.find(new FindEngagement("h4")).orElseThrow().seats().get(0);
        assertThat(seat.holders()).containsExactly(new SeatHolderView("p1", "Anna", TODAY.minusDays(20), null));
        assertThat(seat.overlaps()).isEmpty();
        assertThat(seat.openReplacementId()).isNull();
    }

    @Test
    void theSeatHistoryStepsFoldedGiveTheStoredDocument() {
        List<Object> events = List.of(proposed("h5", "acme", TODAY.minusDays(20)),
                new EngagementActivated("h5", TODAY.minusDays(20)),
                new SeatReplacementOpened("h5", "s1", "r1", TODAY.minusDays(8), true),
                new SeatOverlapScheduled("h5", "s1", "r1", "p9", "Chiara", TODAY.minusDays(6), TODAY.minusDays(1),
                        true),
                new SeatProfessionalSwapped("h5", "s1", "r1", "p9", "Chiara", TODAY.minusDays(2),
                        TODAY.minusDays(3)),
                new SeatReplacementOpened("h5", "s1", "r2", TODAY, false),
                new SeatReplacementClosed("h5", "s1", "r2", TODAY, null, false));
        projection.on((EngagementProposed) events.get(0), 0, AT);
        projection.on((EngagementActivated) events.get(1), 1, AT);
        projection.on((SeatReplacementOpened) events.get(2), 2, AT);
        projection.on((SeatOverlapScheduled) events.get(3), 3, AT);
        projection.on((SeatProfessionalSwapped) events.get(4), 4, AT);
        projection.on((SeatReplacementOpened) events.get(5), 5, AT);
        projection.on((SeatReplacementClosed) events.get(6), 6, AT);
        EngagementDocument folded = Evolution.of(EngagementProjection.class, EngagementDocument.class).fold(events);
        Document stored = new Document();
        mongo.getConverter().write(mongo.findById("h5", EngagementDocument.class), stored);
        Document replayed = new Document();
        mongo.getConverter().write(folded, replayed);
        for (String storageOnly : List.of("version", "lastChangedAt", "proposedAt", "applied", "_class")) {
            stored.remove(storageOnly);
            replayed.remove(storageOnly);
        }
        assertThat(replayed).isEqualTo(stored);
    }

    private List<Runnable> history(String id) {
        return List.of(
                () -> projection.on(proposed(id, "acme", TODAY.minusDays(20)), 0, AT),
                () -> projection.on(new EngagementActivated(id, TODAY.minusDays(20)), 1, AT),
                () -> projection.on(new SeatAdded(id, "s2", "p2", "Robin", new BigDecimal("9100.00"),
                        TODAY.plusDays(1)), 2, AT),
                () -> projection.on(new RateChangeScheduled(id, "s1", new BigDecimal("10100.00"), TODAY.plusDays(30),
                        TODAY, "review", "rc-1"), 3, AT),
                () -> projection.on(new RateChangeScheduled(id, "s2", new BigDecimal("9300.00"), TODAY.plusDays(30),
                        TODAY, "review", "rc-1"), 4, AT));
    }

    private static EngagementProposed proposed(String id, String client, LocalDate start) {
        return new EngagementProposed(id, client, "Client " + client, "Engineer", "EUR", BillingModel.MONTHLY,
                List.of(new NewSeat("s1", "p1", "Anna", new BigDecimal("9800.00"), start)), TERMS, start);
    }

    private List<Document> raw() {
        return mongo.findAll(Document.class, "engagements");
    }
}
