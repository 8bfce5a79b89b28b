package com.engagementledger.timesheet.command;

import static com.engagementledger.support.Violations.violation;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;

import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import com.engagementledger.timesheet.api.ApproveTimesheet;
import com.engagementledger.timesheet.api.AutoApproval;
import com.engagementledger.timesheet.api.AutoApprovalDue;
import com.engagementledger.timesheet.api.CorrectTimesheet;
import com.engagementledger.timesheet.api.DisputeTimesheet;
import com.engagementledger.timesheet.api.ResubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetApproved;
import com.engagementledger.timesheet.api.TimesheetCorrected;
import com.engagementledger.timesheet.api.TimesheetDisputed;
import com.engagementledger.timesheet.api.TimesheetResubmitted;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One seat's week against DESIGN.md §3 (Timesheets) and ADR 0031. The engagement is in Pacific/Auckland (UTC+13 in
 * February); week 2026-W06 (Monday 2 to Sunday 8 February) was submitted there on Thursday 5 February, and "now" is
 * 2026-02-04T20:00Z, Thursday 5 February 09:00 in Auckland, still Wednesday in UTC. The seat was billed every day of
 * the week but Tuesday 3 February (paused).
 */
class TimesheetTest {

    private static final Instant NOW = Instant.parse("2026-02-04T20:00:00Z");
    private static final LocalDate TODAY = day(5);
    private static final String ID = "ts-1";
    private static final String ENGAGEMENT = "eng-1";
    private static final String SEAT = "seat-1";
    private static final String WEEK = "2026-W06";
    private static final String AUCKLAND = "Pacific/Auckland";
    private static final SortedMap<LocalDate, BigDecimal> SUBMITTED = hours(Map.of(day(2), "8", day(4), "7.5"));
    private static final SortedMap<LocalDate, BigDecimal> FIXED = hours(Map.of(day(2), "8", day(4), "6.75"));

    private AggregateTestFixture<Timesheet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Timesheet.class);
        fixture.registerInjectableResource(new TestClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    // ---------------------------------------------------------------- approve

    @Test
    void aSubmittedWeekIsApprovedWithItsHoursOnTheLocalDay() {
        fixture.given(submitted())
                .when(new ApproveTimesheet(ID, null))
                .expectEvents(new TimesheetApproved(ID, ENGAGEMENT, SEAT, WEEK, SUBMITTED, TODAY, false))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anApprovedWeekIsNotApprovedAgain() {
        fixture.given(submitted(), approved(false))
                .when(new ApproveTimesheet(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void aDisputedWeekIsResubmittedBeforeItIsApproved() {
        fixture.given(submitted(), disputed())
                .when(new ApproveTimesheet(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    // ---------------------------------------------------------------- dispute

    @Test
    void aSubmittedWeekIsDisputedWithItsReason() {
        fixture.given(submitted())
                .when(new DisputeTimesheet(ID, "Thursday was a holiday", null))
                .expectEvents(disputed());
    }

    @Test
    void aDisputeWithoutAReasonIsRefused() {
        fixture.given(submitted())
                .when(new DisputeTimesheet(ID, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(submitted())
                .when(new DisputeTimesheet(ID, " \t", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
    }

    @Test
    void anApprovedWeekIsNotDisputed() {
        fixture.given(submitted(), approved(true))
                .when(new DisputeTimesheet(ID, "too late", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    // ---------------------------------------------------------------- resubmit

    @Test
    void aDisputedWeekIsResubmittedAndApprovesItselfSevenDaysLater() {
        fixture.given(submitted(), disputed())
                .when(new ResubmitTimesheet(ID, plain(FIXED), null))
                .expectEvents(resubmitted())
                // the start of Thursday 12 February in Auckland
                .expectScheduledDeadline(Instant.parse("2026-02-11T11:00:00Z"), new AutoApprovalDue(2));
    }

    @Test
    void onlyADisputedWeekIsResubmitted() {
        fixture.given(submitted())
                .when(new ResubmitTimesheet(ID, plain(FIXED), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void aResubmissionKeepsToTheDaysBilledOnSubmission() {
        fixture.given(submitted(), disputed())
                .when(new ResubmitTimesheet(ID, plain(hours(Map.of(day(3), "4"))), null))
                .expectException(violation(Kind.INVALID_INPUT, "billed-day", "hours.2026-02-03"));
    }

    @Test
    void aResubmissionKeepsToQuarterHoursAndTheWeek() {
        fixture.given(submitted(), disputed())
                .when(new ResubmitTimesheet(ID, plain(hours(Map.of(day(2), "8.1"))), null))
                .expectException(violation(Kind.INVALID_INPUT, "quarter-hours", "hours.2026-02-02"));
        fixture.given(submitted(), disputed())
                .when(new ResubmitTimesheet(ID, plain(hours(Map.of(day(9), "8"))), null))
                .expectException(violation(Kind.INVALID_INPUT, "in-week", "hours.2026-02-09"));
    }

    // ---------------------------------------------------------------- approval by itself

    @Test
    void aWeekNotDisputedForSevenDaysIsApprovedByItselfByTheSystemAtTheLocalStartOfDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(submitted(), disputed())
                .andGivenCommands(new ResubmitTimesheet(ID, plain(FIXED), null))
                .whenThenTimeAdvancesTo(Instant.parse("2026-02-11T11:00:00Z"))
                .expectTriggeredDeadlinesWithName(AutoApproval.DEADLINE)
                .expectEventsMatching(exactSequenceOf(
                        event(new TimesheetApproved(ID, ENGAGEMENT, SEAT, WEEK, FIXED, day(12), true),
                                "not disputed within 7 days of its submission"),
                        andNoMore()));
    }

    @Test
    void aWeekIsNotApprovedByItselfDuringItsSeventhDay() {
        // 2026-02-11T10:59:59Z is still Wednesday 11 February in Auckland
        fixture.givenCurrentTime(NOW)
                .andGiven(submitted(), disputed())
                .andGivenCommands(new ResubmitTimesheet(ID, plain(FIXED), null))
                .whenThenTimeAdvancesTo(Instant.parse("2026-02-11T10:59:59Z"))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void aDisputeStopsTheApprovalByItself() {
        fixture.givenCurrentTime(NOW)
                .andGiven(submitted(), disputed())
                .andGivenCommands(new ResubmitTimesheet(ID, plain(FIXED), null),
                        new DisputeTimesheet(ID, "still wrong", null))
                .whenThenTimeAdvancesTo(Instant.parse("2026-02-20T00:00:00Z"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void anApprovalStopsTheApprovalByItself() {
        fixture.givenCurrentTime(NOW)
                .andGiven(submitted(), disputed())
                .andGivenCommands(new ResubmitTimesheet(ID, plain(FIXED), null), new ApproveTimesheet(ID, null))
                .whenThenTimeAdvancesTo(Instant.parse("2026-02-20T00:00:00Z"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    // ---------------------------------------------------------------- correct

    @Test
    void anApprovedWeekIsCorrectedByANewEventWithItsReason() {
        fixture.given(submitted(), approved(false))
                .when(new CorrectTimesheet(ID, plain(FIXED), "Thursday ended early", null))
                .expectEvents(new TimesheetCorrected(ID, ENGAGEMENT, SEAT, WEEK, FIXED, SUBMITTED,
                        "Thursday ended early", TODAY));
    }

    @Test
    void aCorrectionWithoutAReasonIsRefused() {
        fixture.given(submitted(), approved(false))
                .when(new CorrectTimesheet(ID, plain(FIXED), "", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
    }

    @Test
    void onlyAnApprovedWeekIsCorrected() {
        fixture.given(submitted())
                .when(new CorrectTimesheet(ID, plain(FIXED), "typo", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        // 0 on a day left out, and 8 written as 8.0, are the hours already approved
        SortedMap<LocalDate, BigDecimal> same = hours(Map.of(day(2), "8.0", day(4), "7.50", day(5), "0"));
        fixture.given(submitted(), approved(false))
                .when(new CorrectTimesheet(ID, plain(same), "no change", null))
                .expectException(violation(Kind.INVALID_INPUT, "unchanged", "hours"));
    }

    @Test
    void aCorrectionKeepsToTheDaysBilledOnSubmission() {
        fixture.given(submitted(), approved(false))
                .when(new CorrectTimesheet(ID, plain(hours(Map.of(day(3), "2"))), "forgot Tuesday", null))
                .expectException(violation(Kind.INVALID_INPUT, "billed-day", "hours.2026-02-03"));
    }

    @Test
    void aCorrectedWeekCanBeCorrectedAgainFromItsCorrectedHours() {
        fixture.given(submitted(), approved(false), new TimesheetCorrected(ID, ENGAGEMENT, SEAT, WEEK, FIXED,
                        SUBMITTED, "Thursday ended early", TODAY))
                .when(new CorrectTimesheet(ID, plain(SUBMITTED), "it did not", null))
                .expectEvents(new TimesheetCorrected(ID, ENGAGEMENT, SEAT, WEEK, SUBMITTED, FIXED, "it did not",
                        TODAY));
    }

    // ---------------------------------------------------------------- fixtures

    private static TimesheetSubmitted submitted() {
        return new TimesheetSubmitted(ID, ENGAGEMENT, SEAT, WEEK, AUCKLAND, SUBMITTED, new BigDecimal("15.50"),
                List.of(day(2), day(4), day(5), day(6), day(7), day(8)), TODAY, day(12));
    }

    private static TimesheetDisputed disputed() {
        return new TimesheetDisputed(ID, ENGAGEMENT, SEAT, WEEK, "Thursday was a holiday", TODAY);
    }

    private static TimesheetResubmitted resubmitted() {
        return new TimesheetResubmitted(ID, ENGAGEMENT, SEAT, WEEK, FIXED, new BigDecimal("14.75"), 2, TODAY,
                day(12));
    }

    private static TimesheetApproved approved(boolean automatic) {
        return new TimesheetApproved(ID, ENGAGEMENT, SEAT, WEEK, SUBMITTED, TODAY, automatic);
    }

    private static LocalDate day(int dayOfFebruary) {
        return LocalDate.of(2026, 2, dayOfFebruary);
    }

    private static SortedMap<LocalDate, BigDecimal> hours(Map<LocalDate, String> hours) {
        SortedMap<LocalDate, BigDecimal> values = new TreeMap<>();
        hours.forEach((day, value) -> values.put(day, new BigDecimal(value).setScale(2)));
        return values;
    }

    private static Map<LocalDate, BigDecimal> plain(Map<LocalDate, BigDecimal> hours) {
        return new LinkedHashMap<>(hours);
    }

    private static Matcher<EventMessage<?>> event(Object payload, String reason) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> actual, Description mismatch) {
                mismatch.appendText("was ").appendValue(actual.getPayload())
                        .appendText(" with reason ").appendValue(actual.getMetaData().get(AuditMetadata.REASON));
                return payload.equals(actual.getPayload())
                        && reason.equals(actual.getMetaData().get(AuditMetadata.REASON));
            }

            @Override
            public void describeTo(Description description) {
                description.appendValue(payload).appendText(" with reason ").appendValue(reason);
            }
        };
    }

}
