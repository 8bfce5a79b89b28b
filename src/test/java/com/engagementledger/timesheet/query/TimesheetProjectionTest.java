package com.engagementledger.timesheet.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.support.EmbeddedMongo;
import com.engagementledger.timesheet.api.FindTimesheet;
import com.engagementledger.timesheet.api.FindTimesheets;
import com.engagementledger.timesheet.api.TimesheetApproved;
import com.engagementledger.timesheet.api.TimesheetCorrected;
import com.engagementledger.timesheet.api.TimesheetDisputed;
import com.engagementledger.timesheet.api.TimesheetPage;
import com.engagementledger.timesheet.api.TimesheetResubmitted;
import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import com.engagementledger.timesheet.api.TimesheetView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The timesheet projection and its query handler against the embedded MongoDB wire-protocol server: idempotent on
 * redelivery, a week through dispute, resubmission, approval and correction, every day of the week shown, and the
 * list filtered by engagement, week and status, newest week first, a page at a time.
 */
class TimesheetProjectionTest {

    /** ISO week 2026-W10: Monday 2 to Sunday 8 March 2026. */
    private static final String WEEK = "2026-W10";
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final Instant SUBMITTED_AT = Instant.parse("2026-03-09T09:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private TimesheetProjection projection;
    private TimesheetQueryHandler queries;

    @BeforeEach
    void projection() {
        mongo = STORE.template();
        projection = new TimesheetProjection(new BatchedWrites(mongo));
        queries = new TimesheetQueryHandler(mongo);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<Runnable> history = List.of(
                () -> projection.on(submitted("t1", "e1", WEEK, hours("8", "8")), 0, SUBMITTED_AT),
                () -> projection.on(new TimesheetDisputed("t1", "e1", "s1", WEEK, "Tuesday was off", MONDAY
                        .plusDays(8)), 1, SUBMITTED_AT.plusSeconds(3600)));
        history.forEach(Runnable::run);
        List<Document> once = raw();
        history.forEach(Runnable::run);
        history.get(0).run();
        assertThat(raw()).isEqualTo(once);
        TimesheetView view = find("t1");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.status()).isEqualTo(TimesheetStatus.DISPUTED);
        assertThat(view.disputeReason()).isEqualTo("Tuesday was off");
        assertThat(view.totalHours()).isEqualByComparingTo("16");
    }

    @Test
    void aSubmittedWeekShowsEveryDayAndWhenItApprovesItself() {
        projection.on(submitted("t2", "e1", WEEK, hours("8", "7.5")), 0, SUBMITTED_AT);
        TimesheetView view = find("t2");
        assertThat(view.status()).isEqualTo(TimesheetStatus.SUBMITTED);
        assertThat(view.hours()).hasSize(7);
        assertThat(view.hours().firstKey()).isEqualTo(MONDAY);
        assertThat(view.hours().get(MONDAY.plusDays(1))).isEqualTo(new BigDecimal("7.50"));
        assertThat(view.hours().get(MONDAY.plusDays(6))).isEqualTo(new BigDecimal("0.00"));
        assertThat(view.totalHours()).isEqualByComparingTo("15.5");
        assertThat(view.submittedAt()).isEqualTo(SUBMITTED_AT);
        assertThat(view.submission()).isEqualTo(1);
        assertThat(view.autoApprovalOn()).isEqualTo(MONDAY.plusDays(14));
        assertThat(view.decidedAt()).isNull();
        assertThat(view.version()).isZero();
    }

    @Test
    void aWeekRunsThroughDisputeResubmissionApprovalAndCorrection() {
        Instant disputedAt = SUBMITTED_AT.plusSeconds(86_400);
        Instant resubmittedAt = disputedAt.plusSeconds(86_400);
        Instant approvedAt = resubmittedAt.plusSeconds(3_600);
        projection.on(submitted("t3", "e1", WEEK, hours("8", "8")), 0, SUBMITTED_AT);
        projection.on(new TimesheetDisputed("t3", "e1", "s1", WEEK, "Tuesday was a holiday", MONDAY.plusDays(8)),
                1, disputedAt);
        TimesheetView disputed = find("t3");
        assertThat(disputed.decidedAt()).isEqualTo(disputedAt);
        assertThat(disputed.autoApprovalOn()).as("a dispute stops the auto-approval").isNull();

        SortedMap<LocalDate, BigDecimal> corrected = hours("8", "0");
        projection.on(new TimesheetResubmitted("t3", "e1", "s1", WEEK, corrected, new BigDecimal("8.00"), 2,
                MONDAY.plusDays(9), MONDAY.plusDays(16)), 2, resubmittedAt);
        TimesheetView resubmitted = find("t3");
        assertThat(resubmitted.status()).isEqualTo(TimesheetStatus.SUBMITTED);
        assertThat(resubmitted.submission()).isEqualTo(2);
        assertThat(resubmitted.submittedAt()).isEqualTo(resubmittedAt);
        assertThat(resubmitted.decidedAt()).isNull();
        assertThat(resubmitted.disputeReason()).isNull();
        assertThat(resubmitted.totalHours()).isEqualByComparingTo("8");
        assertThat(resubmitted.autoApprovalOn()).isEqualTo(MONDAY.plusDays(16));

        projection.on(new TimesheetApproved("t3", "e1", "s1", WEEK, corrected, MONDAY.plusDays(9), false), 3,
                approvedAt);
        TimesheetView approved = find("t3");
        assertThat(approved.status()).isEqualTo(TimesheetStatus.APPROVED);
        assertThat(approved.decidedAt()).isEqualTo(approvedAt);
        assertThat(approved.approvedOn()).isEqualTo(MONDAY.plusDays(9));
        assertThat(approved.approvedAutomatically()).isFalse();
        assertThat(approved.autoApprovalOn()).isNull();

        projection.on(new TimesheetCorrected("t3", "e1", "s1", WEEK, hours("6", "0"), corrected, "Two hours were on"
                + " another engagement", MONDAY.plusDays(12)), 4);
        TimesheetView view = find("t3");
        assertThat(view.status()).as("a correction leaves the week approved").isEqualTo(TimesheetStatus.APPROVED);
        assertThat(view.totalHours()).isEqualByComparingTo("6");
        assertThat(view.hours().get(MONDAY)).isEqualByComparingTo("6");
        assertThat(view.corrections()).singleElement().satisfies(correction -> {
            assertThat(correction.reason()).contains("another engagement");
            assertThat(correction.correctedOn()).isEqualTo(MONDAY.plusDays(12));
            assertThat(correction.previousTotalHours()).isEqualByComparingTo("8");
            assertThat(correction.previousHours().get(MONDAY)).isEqualByComparingTo("8");
            assertThat(correction.previousHours()).hasSize(7);
        });
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void anAutomaticApprovalSaysSo() {
        projection.on(submitted("t4", "e1", WEEK, hours("8", "8")), 0, SUBMITTED_AT);
        projection.on(new TimesheetApproved("t4", "e1", "s1", WEEK, hours("8", "8"), MONDAY.plusDays(14), true), 1,
                SUBMITTED_AT.plusSeconds(7 * 86_400));
        TimesheetView view = find("t4");
        assertThat(view.approvedAutomatically()).isTrue();
        assertThat(view.approvedOn()).isEqualTo(MONDAY.plusDays(14));
    }

    @Test
    void theListFiltersByEngagementWeekAndStatusNewestWeekFirstAPageAtATime() {
        projection.on(submitted("a-w09", "ea", "2026-W09", new TreeMap<>()), 0, SUBMITTED_AT);
        projection.on(submitted("a-w10", "ea", WEEK, hours("8", "8")), 0, SUBMITTED_AT);
        projection.on(submitted("a-w11", "ea", "2026-W11", new TreeMap<>()), 0, SUBMITTED_AT);
        projection.on(submitted("b-w10", "eb", WEEK, hours("1", "1")), 0, SUBMITTED_AT);
        projection.on(new TimesheetApproved("a-w10", "ea", "s1", WEEK, hours("8", "8"), MONDAY.plusDays(8), false), 1,
                SUBMITTED_AT);

        assertThat(ids(queries.list(new FindTimesheets("ea", null, null, 0, 20))))
                .containsExactly("a-w11", "a-w10", "a-w09");
        assertThat(ids(queries.list(new FindTimesheets(null, WEEK, null, 0, 20))))
                .containsExactly("a-w10", "b-w10");
        assertThat(ids(queries.list(new FindTimesheets(null, null, TimesheetStatus.APPROVED, 0, 20))))
                .containsExactly("a-w10");
        assertThat(ids(queries.list(new FindTimesheets("eb", WEEK, TimesheetStatus.SUBMITTED, 0, 20))))
                .containsExactly("b-w10");
        TimesheetPage second = queries.list(new FindTimesheets("ea", null, null, 1, 2));
        assertThat(ids(second)).containsExactly("a-w09");
        assertThat(second.totalItems()).isEqualTo(3);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(queries.find(new FindTimesheet("no-such-timesheet"))).isEmpty();
    }

    private static List<String> ids(TimesheetPage page) {
        return page.items().stream().map(TimesheetView::timesheetId).toList();
    }

    private TimesheetView find(String id) {
        return queries.find(new FindTimesheet(id)).orElseThrow();
    }

    private List<Document> raw() {
        return mongo.getCollection(TimesheetDocument.COLLECTION).find().into(new ArrayList<>());
    }

    /** Monday's and Tuesday's hours of week 2026-W10. */
    private static SortedMap<LocalDate, BigDecimal> hours(String monday, String tuesday) {
        SortedMap<LocalDate, BigDecimal> hours = new TreeMap<>();
        hours.put(MONDAY, new BigDecimal(monday).setScale(2));
        hours.put(MONDAY.plusDays(1), new BigDecimal(tuesday).setScale(2));
        return hours;
    }

    private static TimesheetSubmitted submitted(String id, String engagementId, String week,
                                                SortedMap<LocalDate, BigDecimal> hours) {
        BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new TimesheetSubmitted(id, engagementId, "s1", week, "Europe/Berlin", hours, total,
                List.of(MONDAY, MONDAY.plusDays(1)), MONDAY.plusDays(7), MONDAY.plusDays(14));
    }
}
