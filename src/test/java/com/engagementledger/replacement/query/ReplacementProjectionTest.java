package com.engagementledger.replacement.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.Evolution;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CandidateProposed;
import com.engagementledger.replacement.api.CandidateRejected;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.FindReplacement;
import com.engagementledger.replacement.api.FindReplacements;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementSeatEndChanged;
import com.engagementledger.replacement.api.ReplacementSlaBreached;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementView;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The replacement projection and its query handler against the embedded MongoDB wire-protocol server: idempotent on
 * redelivery, the status as of today (an accepted candidate's overlap from its first day), and a missed SLA counted
 * in business days up to today until the credit is granted, then fixed.
 */
class ReplacementProjectionTest {

    /** A Monday; the SLA's 5 business days end on the next Monday. */
    private static final LocalDate REQUESTED = LocalDate.of(2026, 3, 2);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 9);
    private static final Instant AT = REQUESTED.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final BusinessDays WEEKDAYS = BusinessDays.withHolidays(Set.of());

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private ReplacementProjection projection;

    @BeforeEach
    void projection() {
        mongo = STORE.template();
        projection = new ReplacementProjection(new BatchedWrites(mongo));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<Runnable> history = List.of(
                () -> projection.on(requested("r1", Eligibility.FREE, "UTC"), 0, AT),
                () -> projection.on(proposed("r1", "c1", "pro-carla"), 1),
                () -> projection.on(new CandidateRejected("r1", "e1", "s1", "c1", "No Kafka", REQUESTED), 2),
                () -> projection.on(proposed("r1", "c2", "pro-dev"), 3));
        history.forEach(Runnable::run);
        List<Document> once = raw();
        history.forEach(Runnable::run);
        history.get(0).run();
        assertThat(raw()).isEqualTo(once);
        ReplacementView view = find("r1", REQUESTED);
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.candidates()).extracting(c -> c.candidateId() + ":" + c.status())
                .containsExactly("c1:REJECTED", "c2:PROPOSED");
    }

    @Test
    void aChangedSeatEndMovesTheVersionOnOnly() {
        projection.on(requested("r9", Eligibility.FREE, "UTC"), 0, AT);
        projection.on(proposed("r9", "c1", "pro-carla"), 1);
        ReplacementView before = find("r9", REQUESTED);
        projection.on(new ReplacementSeatEndChanged("r9", "e1", "s1", null), 2);
        ReplacementView after = find("r9", REQUESTED);
        assertThat(after.version()).isEqualTo(2);
        assertThat(after).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
    }

    @Test
    void aRejectedCandidateLeavesTheReplacementWaitingForTheNextWithTheReasonKept() {
        projection.on(requested("r2", Eligibility.FREE, "UTC"), 0, AT);
        projection.on(proposed("r2", "c1", "pro-carla"), 1);
        assertThat(find("r2", REQUESTED).status()).isEqualTo(ReplacementStatus.CANDIDATE_PROPOSED);
        projection.on(new CandidateRejected("r2", "e1", "s1", "c1", "No Kafka", REQUESTED), 2);
        ReplacementView view = find("r2", REQUESTED);
        assertThat(view.status()).isEqualTo(ReplacementStatus.REQUESTED);
        assertThat(view.candidates().get(0).rejectionReason()).isEqualTo("No Kafka");
        assertThat(view.breach()).isNull();
        assertThat(view.eligibility()).isEqualTo(Eligibility.FREE);
        assertThat(view.outgoingProfessionalName()).isEqualTo("Anna Kowalski");
    }

    @Test
    void anAcceptedCandidatesReplacementIsInItsOverlapFromItsFirstDayInTheReplacementsZone() {
        projection.on(requested("r3", Eligibility.FREE, "Pacific/Auckland"), 0, AT);
        projection.on(proposed("r3", "c1", "pro-carla"), 1);
        LocalDate from = LocalDate.of(2026, 3, 5);
        projection.on(new CandidateAccepted("r3", "e1", "s1", "c1", "pro-carla", "Carla Mendes", REQUESTED, from,
                LocalDate.of(2026, 3, 11), true), 2);
        // 11:30 UTC on the 4th is already the 5th in Auckland
        Instant lateOnThe4th = LocalDate.of(2026, 3, 4).atTime(11, 30).toInstant(ZoneOffset.UTC);
        assertThat(find("r3", Instant.parse("2026-03-04T10:00:00Z")).status())
                .isEqualTo(ReplacementStatus.CANDIDATE_ACCEPTED);
        ReplacementView overlap = find("r3", lateOnThe4th);
        assertThat(overlap.status()).isEqualTo(ReplacementStatus.OVERLAP);
        assertThat(overlap.asOfDate()).isEqualTo(from);
        assertThat(overlap.overlapTo()).isEqualTo(LocalDate.of(2026, 3, 11));

        ReplacementQueryHandler before = queries(Instant.parse("2026-03-04T10:00:00Z"));
        ReplacementQueryHandler after = queries(lateOnThe4th);
        assertThat(before.list(new FindReplacements(null, ReplacementStatus.OVERLAP, 0, 20)).totalItems()).isZero();
        assertThat(before.list(new FindReplacements(null, ReplacementStatus.CANDIDATE_ACCEPTED, 0, 20)).totalItems())
                .isEqualTo(1);
        assertThat(after.list(new FindReplacements(null, ReplacementStatus.OVERLAP, 0, 20)).items())
                .extracting(ReplacementView::replacementId).containsExactly("r3");
        assertThat(after.list(new FindReplacements(null, ReplacementStatus.CANDIDATE_ACCEPTED, 0, 20)).totalItems())
                .isZero();

        projection.on(new ReplacementCompleted("r3", "e1", "s1", "c1", "pro-carla", "Carla Mendes",
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 6), true), 3);
        ReplacementView completed = find("r3", lateOnThe4th.plusSeconds(86_400 * 10));
        assertThat(completed.status()).isEqualTo(ReplacementStatus.COMPLETED);
        assertThat(completed.overlapTo()).as("completed early: the last overlap day that ran")
                .isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void anOpenLateReplacementCountsBusinessDaysUpToTodayAndAGrantedCreditFixesThem() {
        projection.on(requested("r4", Eligibility.FREE, "UTC"), 0, AT);
        assertThat(find("r4", DUE).breach()).as("on time until the end of the due date").isNull();
        // Wednesday after the due Monday: Tuesday and Wednesday are late
        ReplacementView late = find("r4", DUE.plusDays(2));
        assertThat(late.breach().businessDaysLate()).isEqualTo(2);
        // 9800 a month: 9800 x 12 / 260 = 452.3077 a day; 2 days = 904.615... -> 904.62
        assertThat(late.breach().creditAmount()).isEqualByComparingTo("904.62");
        assertThat(late.breach().creditAmount().scale()).isEqualTo(2);
        assertThat(late.breach().fixed()).isFalse();
        assertThat(late.breach().recordedOn()).as("before the deadline recorded it").isNull();
        assertThat(find("r4", DUE.plusDays(5)).breach().businessDaysLate())
                .as("Saturday: Tuesday to Friday, four business days").isEqualTo(4);

        projection.on(new ReplacementSlaBreached("r4", "e1", "s1", DUE, DUE.plusDays(1)), 1);
        projection.on(proposed("r4", "c1", "pro-carla"), 2);
        LocalDate acceptedOn = DUE.plusDays(2);
        projection.on(new CandidateAccepted("r4", "e1", "s1", "c1", "pro-carla", "Carla Mendes", acceptedOn,
                acceptedOn.plusDays(5), acceptedOn.plusDays(11), true), 3);
        projection.on(new ServiceCreditGranted("r4", "e1", "s1", 2, new BigDecimal("904.62"), "EUR", acceptedOn),
                4);
        ReplacementView fixed = find("r4", DUE.plusDays(30));
        assertThat(fixed.breach().businessDaysLate()).isEqualTo(2);
        assertThat(fixed.breach().creditAmount()).isEqualByComparingTo("904.62");
        assertThat(fixed.breach().fixed()).isTrue();
        assertThat(fixed.breach().recordedOn()).isEqualTo(DUE.plusDays(1));
        assertThat(fixed.breach().currency()).isEqualTo("EUR");
    }

    @Test
    void aBillableReplacementsBreachEarnsNoCreditAndStopsCountingWhenWithdrawn() {
        projection.on(requested("r5", Eligibility.BILLABLE, "UTC"), 0, AT);
        ReplacementView late = find("r5", DUE.plusDays(1));
        assertThat(late.breach().businessDaysLate()).isEqualTo(1);
        assertThat(late.breach().creditAmount()).isEqualByComparingTo("0");
        assertThat(late.breach().creditAmount().scale()).isEqualTo(2);
        projection.on(new ReplacementSlaBreached("r5", "e1", "s1", DUE, DUE.plusDays(1)), 1);
        projection.on(new ReplacementWithdrawn("r5", "e1", "s1", DUE.plusDays(3), "Kept the professional", null,
                false), 2);
        ReplacementView withdrawn = find("r5", DUE.plusDays(20));
        assertThat(withdrawn.status()).isEqualTo(ReplacementStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnOn()).isEqualTo(DUE.plusDays(3));
        assertThat(withdrawn.breach().businessDaysLate()).as("up to the withdrawal").isEqualTo(3);
        assertThat(withdrawn.breach().fixed()).isTrue();
    }

    @Test
    void aReplacementWithdrawnWithoutABreachShowsNone() {
        projection.on(requested("r10", Eligibility.BILLABLE, "UTC"), 0, AT);
        projection.on(new ReplacementWithdrawn("r10", "e1", "s1", DUE.plusDays(1), "the engagement ended on " + DUE,
                null, false), 1);
        assertThat(find("r10", DUE.plusDays(20)).breach()).as("the engagement ended on the due date").isNull();
    }

    @Test
    void holidaysAreNotLateDays() {
        projection.on(requested("r6", Eligibility.FREE, "UTC"), 0, AT);
        ReplacementQueryHandler withHoliday = new ReplacementQueryHandler(mongo,
                Clock.fixed(DUE.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                BusinessDays.withHolidays(Set.of(DUE.plusDays(1))));
        assertThat(withHoliday.find(new FindReplacement("r6")).orElseThrow().breach().businessDaysLate())
                .isEqualTo(1);
    }

    @Test
    void theListPagesNewestRequestFirstAndFiltersByEngagement() {
        for (int i = 0; i < 5; i++) {
            ReplacementRequested event = requested("p" + i, Eligibility.FREE, "UTC");
            ReplacementRequested other = new ReplacementRequested(event.replacementId(), i % 2 == 0 ? "e1" : "e2",
                    event.seatId(), event.reason(), event.note(), event.eligibility(), event.eligibilityReason(),
                    event.usesFreeReplacement(), event.requestedOn(), event.slaDueDate(), event.slaBusinessDays(),
                    event.overlapBusinessDays(), event.timeZone(), event.outgoingProfessionalId(),
                    event.outgoingProfessionalName(), event.seatStart(), event.guaranteeEndsOn(),
                    event.seatLastDay(), event.billingModel(), event.seatRate(), event.currency());
            projection.on(other, 0, AT.plusSeconds(i));
        }
        ReplacementQueryHandler queries = queries(AT);
        var page = queries.list(new FindReplacements("e1", null, 0, 2));
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.items()).extracting(ReplacementView::replacementId).containsExactly("p4", "p2");
        assertThat(queries.list(new FindReplacements("e1", null, 1, 2)).items())
                .extracting(ReplacementView::replacementId).containsExactly("p0");
        assertThat(queries.list(new FindReplacements(null, ReplacementStatus.REQUESTED, 0, 20)).totalItems())
                .isEqualTo(5);
        assertThat(queries.list(new FindReplacements(null, ReplacementStatus.WITHDRAWN, 0, 20)).totalItems())
                .isZero();
    }

    @Test
    void theStepsFoldedOverAReplacementsEventsGiveTheStoredDocument() {
        List<Object> events = List.of(requested("f1", Eligibility.FREE, "UTC"), proposed("f1", "c1", "pro-carla"),
                new CandidateRejected("f1", "e1", "s1", "c1", "No Kafka", REQUESTED));
        projection.on((ReplacementRequested) events.get(0), 0, AT);
        projection.on((CandidateProposed) events.get(1), 1);
        projection.on((CandidateRejected) events.get(2), 2);
        ReplacementDocument folded = Evolution.of(ReplacementProjection.class, ReplacementDocument.class)
                .fold(events);
        Document stored = new Document();
        mongo.getConverter().write(mongo.findById("f1", ReplacementDocument.class), stored);
        Document replayed = new Document();
        mongo.getConverter().write(folded, replayed);
        for (String storageOnly : List.of("version", "requestedAt", "applied", "_class")) {
            stored.remove(storageOnly);
            replayed.remove(storageOnly);
        }
        assertThat(replayed).isEqualTo(stored);
    }

    private ReplacementView find(String id, LocalDate day) {
        return find(id, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private ReplacementView find(String id, Instant now) {
        return queries(now).find(new FindReplacement(id)).orElseThrow();
    }

    private ReplacementQueryHandler queries(Instant now) {
        return new ReplacementQueryHandler(mongo, Clock.fixed(now, ZoneId.of("UTC")), WEEKDAYS);
    }

    private List<Document> raw() {
        return mongo.getCollection(ReplacementDocument.COLLECTION).find().into(new java.util.ArrayList<>());
    }

    static ReplacementRequested requested(String id, Eligibility eligibility, String zone) {
        return new ReplacementRequested(id, "e1", "s1", ReplacementReason.NON_PERFORMANCE, "Misses commitments",
                eligibility, eligibility == Eligibility.FREE ? "inside the window" : "after the window",
                eligibility == Eligibility.FREE, REQUESTED, DUE, 5, 5, zone, "pro-anna", "Anna Kowalski",
                REQUESTED.minusDays(9), REQUESTED.plusDays(80), null, BillingModel.MONTHLY, new BigDecimal("9800.00"),
                "EUR");
    }

    private static CandidateProposed proposed(String replacementId, String candidateId, String professionalId) {
        return new CandidateProposed(replacementId, "e1", "s1", candidateId, professionalId, "Name of "
                + professionalId, REQUESTED);
    }
}
