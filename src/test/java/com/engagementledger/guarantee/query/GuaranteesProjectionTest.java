package com.engagementledger.guarantee.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatProfessionalSwapped;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatReplacementClosed;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.guarantee.api.FindGuarantees;
import com.engagementledger.guarantee.api.GuaranteeSeat;
import com.engagementledger.guarantee.api.GuaranteesView;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CandidateProposed;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementSlaBreached;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The guarantees projection, fed by an engagement's and its replacements' events, and its query handler against the
 * embedded MongoDB: redeliveries of either source change nothing twice, the free replacements a seat used follow
 * what the engagement recorded, and the SLA clock and the breaches are worked out for today.
 */
class GuaranteesProjectionTest {

    private static final LocalDate SEAT_START = LocalDate.of(2026, 2, 23);
    /** A Monday, day 8 of the seat; the SLA's 5 business days end on the next Monday. */
    private static final LocalDate REQUESTED = LocalDate.of(2026, 3, 2);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 9);
    private static final EngagementTerms TERMS = new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90, 2,
            5, 5, 30, IpTrigger.ON_PAYMENT);

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private GuaranteesProjection projection;

    @BeforeEach
    void projection() {
        mongo = STORE.template();
        projection = new GuaranteesProjection(new BatchedWrites(mongo));
    }

    @Test
    void redeliveredEventsOfEitherSourceChangeNothing() {
        List<Runnable> history = List.of(
                () -> projection.on(proposed("e1"), 0),
                () -> projection.on(new SeatReplacementOpened("e1", "s1", "r1", REQUESTED, true), 1),
                () -> projection.on(requested("e1", "r1", "s1", Eligibility.FREE), 0),
                () -> projection.on(new CandidateProposed("r1", "e1", "s1", "c1", "pro-carla", "Carla", REQUESTED),
                        1));
        history.forEach(Runnable::run);
        List<Document> once = raw();
        history.forEach(Runnable::run);
        history.get(1).run();
        assertThat(raw()).isEqualTo(once);
        GuaranteeSeat seat = view("e1", REQUESTED).seats().get(0);
        assertThat(seat.freeReplacementsUsed()).as("counted once").isEqualTo(1);
        assertThat(seat.freeReplacementsLeft()).isEqualTo(1);
        assertThat(seat.openReplacement().status()).isEqualTo(ReplacementStatus.CANDIDATE_PROPOSED);
    }

    @Test
    void aSeatsWindowAndFreeReplacementsFollowWhatTheEngagementRecorded() {
        projection.on(proposed("e2"), 0);
        projection.on(new SeatAdded("e2", "s2", "pro-bruno", "Bruno Lima", new BigDecimal("9200.00"),
                SEAT_START.plusDays(7)), 1);
        projection.on(new SeatAdded("e2", "s3", "pro-x", "Added by mistake", new BigDecimal("9200.00"),
                SEAT_START.plusDays(30)), 2);
        projection.on(new SeatWithdrawn("e2", "s3", SEAT_START), 3);
        projection.on(new SeatReplacementOpened("e2", "s1", "r1", REQUESTED, true), 4);
        projection.on(new SeatReplacementOpened("e2", "s2", "r2", REQUESTED, false), 5);
        projection.on(new SeatReleased("e2", "s2", SEAT_START.plusDays(60)), 6);
        GuaranteesView view = view("e2", REQUESTED);
        assertThat(view.seats()).extracting(GuaranteeSeat::seatId).containsExactly("s1", "s2");
        GuaranteeSeat s1 = view.seats().get(0);
        assertThat(s1.seatStart()).isEqualTo(SEAT_START);
        assertThat(s1.guaranteeEndsOn()).as("90 days counting the first").isEqualTo(SEAT_START.plusDays(89));
        assertThat(s1.freeReplacementsUsed()).isEqualTo(1);
        assertThat(s1.freeReplacementsLeft()).isEqualTo(1);
        GuaranteeSeat s2 = view.seats().get(1);
        assertThat(s2.freeReplacementsUsed()).as("attrition uses none").isZero();
        assertThat(s2.releaseDate()).isEqualTo(SEAT_START.plusDays(60));

        projection.on(new SeatReplacementClosed("e2", "s1", "r1", REQUESTED.plusDays(1), null, true), 7);
        assertThat(view("e2", REQUESTED).seats().get(0).freeReplacementsLeft()).as("given back").isEqualTo(2);
    }

    @Test
    void noFreeReplacementIsLeftOnceTheWindowHasEnded() {
        projection.on(proposed("e7"), 0);
        projection.on(new SeatReplacementOpened("e7", "s1", "r1", REQUESTED, true), 1);
        LocalDate windowEnd = SEAT_START.plusDays(89);
        GuaranteeSeat lastDay = view("e7", windowEnd).seats().get(0);
        assertThat(lastDay.freeReplacementsLeft()).as("on the window's last day").isEqualTo(1);
        GuaranteeSeat after = view("e7", windowEnd.plusDays(1)).seats().get(0);
        assertThat(after.freeReplacementsLeft()).as("after the window").isZero();
        assertThat(after.freeReplacementsUsed()).isEqualTo(1);
    }

    @Test
    void theOpenReplacementsSlaClockCountsBusinessDaysLeftThenLateUntilACandidateIsAccepted() {
        projection.on(proposed("e3"), 0);
        projection.on(new SeatReplacementOpened("e3", "s1", "r1", REQUESTED, true), 1);
        projection.on(requested("e3", "r1", "s1", Eligibility.FREE), 0);
        var onRequest = view("e3", REQUESTED).seats().get(0).openReplacement();
        assertThat(onRequest.replacementId()).isEqualTo("r1");
        assertThat(onRequest.slaDueDate()).isEqualTo(DUE);
        assertThat(onRequest.businessDaysLeft()).isEqualTo(5);
        assertThat(onRequest.businessDaysLate()).isZero();
        assertThat(view("e3", DUE).seats().get(0).openReplacement().businessDaysLeft()).isZero();
        var late = view("e3", DUE.plusDays(2)).seats().get(0).openReplacement();
        assertThat(late.businessDaysLeft()).isZero();
        assertThat(late.businessDaysLate()).isEqualTo(2);
        GuaranteesView lateView = view("e3", DUE.plusDays(2));
        assertThat(lateView.breaches()).singleElement().satisfies(breach -> {
            assertThat(breach.businessDaysLate()).isEqualTo(2);
            assertThat(breach.creditAmount()).isEqualByComparingTo("904.62");
            assertThat(breach.creditFixed()).isFalse();
            assertThat(breach.invoiceId()).isNull();
        });
        assertThat(lateView.creditsOwed()).as("nothing granted yet").isEqualByComparingTo("0");

        LocalDate acceptedOn = DUE.plusDays(2);
        LocalDate overlapFrom = DUE.plusDays(7);
        projection.on(new ReplacementSlaBreached("r1", "e3", "s1", DUE, DUE.plusDays(1)), 1);
        projection.on(new CandidateProposed("r1", "e3", "s1", "c1", "pro-carla", "Carla Mendes", acceptedOn), 2);
        projection.on(new CandidateAccepted("r1", "e3", "s1", "c1", "pro-carla", "Carla Mendes", acceptedOn,
                overlapFrom, overlapFrom.plusDays(4), true), 3);
        projection.on(new ServiceCreditGranted("r1", "e3", "s1", 2, new BigDecimal("904.62"), "EUR", acceptedOn), 4);
        var accepted = view("e3", DUE.plusDays(4)).seats().get(0).openReplacement();
        assertThat(accepted.status()).isEqualTo(ReplacementStatus.CANDIDATE_ACCEPTED);
        assertThat(accepted.businessDaysLeft()).as("the SLA no longer runs").isNull();
        assertThat(accepted.businessDaysLate()).isEqualTo(2);
        GuaranteesView inOverlap = view("e3", overlapFrom);
        assertThat(inOverlap.seats().get(0).openReplacement().status()).isEqualTo(ReplacementStatus.OVERLAP);
        assertThat(inOverlap.breaches()).singleElement().satisfies(breach -> {
            assertThat(breach.businessDaysLate()).isEqualTo(2);
            assertThat(breach.creditFixed()).isTrue();
        });
        assertThat(inOverlap.creditsOwed()).isEqualByComparingTo("904.62");
        assertThat(inOverlap.creditsOwed().scale()).isEqualTo(2);

        projection.on(new ReplacementCompleted("r1", "e3", "s1", "c1", "pro-carla", "Carla Mendes",
                overlapFrom.plusDays(5), overlapFrom.plusDays(4), false), 5);
        projection.on(new SeatProfessionalSwapped("e3", "s1", "r1", "pro-carla", "Carla Mendes",
                overlapFrom.plusDays(5), overlapFrom.plusDays(4)), 2);
        GuaranteesView after = view("e3", overlapFrom.plusDays(5));
        assertThat(after.seats().get(0).professionalId()).isEqualTo("pro-carla");
        assertThat(after.seats().get(0).openReplacement()).isNull();
        assertThat(after.breaches()).as("a breach stays on record").hasSize(1);
        assertThat(after.creditsOwed()).isEqualByComparingTo("904.62");
    }

    @Test
    void aWithdrawnReplacementIsNoLongerOpenAndABillableOnesBreachOwesNothing() {
        projection.on(proposed("e4"), 0);
        projection.on(new SeatReplacementOpened("e4", "s1", "r1", REQUESTED, false), 1);
        projection.on(requested("e4", "r1", "s1", Eligibility.BILLABLE), 0);
        projection.on(new ReplacementSlaBreached("r1", "e4", "s1", DUE, DUE.plusDays(1)), 1);
        projection.on(new ReplacementWithdrawn("r1", "e4", "s1", DUE.plusDays(1), null, null, false), 2);
        projection.on(new SeatReplacementClosed("e4", "s1", "r1", DUE.plusDays(1), null, false), 2);
        GuaranteesView view = view("e4", DUE.plusDays(10));
        assertThat(view.seats().get(0).openReplacement()).isNull();
        assertThat(view.breaches()).singleElement().satisfies(breach -> {
            assertThat(breach.businessDaysLate()).isEqualTo(1);
            assertThat(breach.creditAmount()).isEqualByComparingTo("0");
            assertThat(breach.creditFixed()).isTrue();
        });
        assertThat(view.creditsOwed()).isEqualByComparingTo("0");
    }

    @Test
    void anUnknownEngagementHasNoGuarantees() {
        assertThat(queries(REQUESTED).find(new FindGuarantees("nobody"))).isEmpty();
    }

    private GuaranteesView view(String engagementId, LocalDate today) {
        return queries(today).find(new FindGuarantees(engagementId)).orElseThrow();
    }

    private GuaranteesQueryHandler queries(LocalDate today) {
        return new GuaranteesQueryHandler(mongo, Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC), BusinessDays.withHolidays(Set.of()));
    }

    private List<Document> raw() {
        return mongo.getCollection(GuaranteesDocument.COLLECTION).find().into(new ArrayList<>());
    }

    private static EngagementProposed proposed(String engagementId) {
        return new EngagementProposed(engagementId, "acme", "Acme", "Engineer", "EUR", BillingModel.MONTHLY,
                List.of(new NewSeat("s1", "pro-anna", "Anna Kowalski", new BigDecimal("9800.00"), SEAT_START)),
                TERMS, SEAT_START);
    }

    private static ReplacementRequested requested(String engagementId, String replacementId, String seatId,
                                                  Eligibility eligibility) {
        return new ReplacementRequested(replacementId, engagementId, seatId, ReplacementReason.NON_PERFORMANCE, null,
                eligibility, "why", eligibility == Eligibility.FREE, REQUESTED, DUE, 5, 5, "UTC", "pro-anna",
                "Anna Kowalski", SEAT_START, SEAT_START.plusDays(89), null, BillingModel.MONTHLY,
                new BigDecimal("9800.00"), "EUR");
    }
}
