package com.engagementledger.engagement.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementResumed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import com.engagementledger.timesheet.api.AutoApproval;
import com.engagementledger.timesheet.api.AutoApprovalDue;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.SubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetIds;
import com.engagementledger.timesheet.api.TimesheetSubmission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engagement opens a seat's timesheet for a week (ADR 0031). The engagement is hourly, in Pacific/Auckland
 * (UTC+13 in February); "now" is Wednesday 2026-02-04 20:00 UTC, which is Thursday 2026-02-05 09:00 there, in ISO
 * week 2026-W06 (Monday 2 to Sunday 8 February). Seat-1 is billed from Monday 2026-01-05.
 */
class EngagementTimesheetTest {

    private static final Instant NOW = Instant.parse("2026-02-04T20:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 5);
    private static final String ID = "eng-1";
    private static final String SEAT = "seat-1";
    private static final String AUCKLAND = "Pacific/Auckland";
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final BigDecimal RATE = new BigDecimal("95.00");

    private AggregateTestFixture<Engagement> fixture;
    private FakeTimesheetRecords timesheets;

    @BeforeEach
    void setUp() {
        timesheets = new FakeTimesheetRecords();
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(new TestClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerInjectableResource(new BackDatingWindow(31));
        fixture.registerInjectableResource(new ForwardDatingWindow(365));
        fixture.registerInjectableResource(new FakeReplacementRecords());
        fixture.registerInjectableResource(timesheets);
    }

    @Test
    void anHourlyWeekUpToTodayInTheEngagementsZoneOpensTheSeatsTimesheet() {
        String expectedId = TimesheetIds.of(ID, SEAT, new IsoWeek(2026, 6));
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(2), "8", day(3), "7.5", day(4), "8.25", day(5), "4")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(expectedId)
                .expectNoEvents()
                // the start of Thursday 12 February in Auckland
                .expectScheduledDeadline(Instant.parse("2026-02-11T11:00:00Z"), new AutoApprovalDue(1));
        TreeMap<LocalDate, BigDecimal> hours = new TreeMap<>(Map.of(day(2), new BigDecimal("8.00"),
                day(3), new BigDecimal("7.50"), day(4), new BigDecimal("8.25"), day(5), new BigDecimal("4.00")));
        assertThat(timesheets.submitted).containsExactly(new TimesheetSubmission(expectedId, ID, SEAT, "2026-W06",
                AUCKLAND, hours, day(2).datesUntil(day(9)).toList(), TODAY));
        assertThat(AutoApproval.on(TODAY)).isEqualTo(day(12));
    }

    @Test
    void aWeekAcrossTwoMonthsIsOneTimesheet() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W05", Map.of(LocalDate.of(2026, 1, 30), "8", LocalDate.of(2026, 2, 1), "2.25")))
                .expectSuccessfulHandlerExecution();
        assertThat(timesheets.submitted).singleElement()
                .satisfies(submission -> assertThat(submission.billedDays()).first()
                        .isEqualTo(LocalDate.of(2026, 1, 26)));
    }

    @Test
    void onlyHourlyEngagementsKeepTimesheets() {
        fixture.given(active(BillingModel.MONTHLY))
                .when(submit("2026-W06", Map.of(day(2), "8")))
                .expectException(violation(Kind.ILLEGAL_STATE, "hourly-only", null))
                .expectNoEvents();
        assertThat(timesheets.submitted).isEmpty();
    }

    @Test
    void aProposalKeepsNoTimesheet() {
        fixture.given(proposed(BillingModel.HOURLY, 0))
                .when(submit("2026-W06", Map.of(day(2), "8")))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void aRejectedTrialKeepsNoTimesheet() {
        fixture.given(proposed(BillingModel.HOURLY, 14), new TrialStarted(ID, START, START.plusDays(13)),
                        new TrialRejected(ID, START.plusDays(3), null))
                .when(submit("2026-W06", Map.of(day(2), "8")))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void anUnknownSeatIsNotFound() {
        fixture.given(active(BillingModel.HOURLY))
                .when(new SubmitTimesheet(ID, "seat-9", "2026-W06", hours(Map.of(day(2), "8"))))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "seatId"));
    }

    @Test
    void aWeekIsWrittenYyyyWww() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-6", Map.of(day(2), "8")))
                .expectException(violation(Kind.INVALID_INPUT, "week", "week"));
    }

    @Test
    void aWeekBeyondTheYearsLastIsRefused() {
        // 2025 has 52 ISO weeks
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2025-W53", Map.of()))
                .expectException(violation(Kind.INVALID_INPUT, "week", "week"));
    }

    @Test
    void aWeekStartingAfterTodayIsRefused() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W07", Map.of()))
                .expectException(violation(Kind.INVALID_INPUT, "future-week", "week"));
    }

    @Test
    void hoursOfADayAfterTodayInTheEngagementsZoneAreRefused() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(6), "8")))
                .expectException(violation(Kind.INVALID_INPUT, "future-day", "hours.2026-02-06"));
    }

    @Test
    void aWeekInWhichTheSeatIsNeverBilledIsRefused() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W01", Map.of()))
                .expectException(violation(Kind.INVALID_INPUT, "no-billed-day", "week"));
    }

    @Test
    void hoursOnAPausedDayAreRefused() {
        List<Object> history = new ArrayList<>(active(BillingModel.HOURLY));
        history.add(new EngagementPaused(ID, day(3)));
        history.add(new EngagementResumed(ID, day(4)));
        fixture.given(history)
                .when(submit("2026-W06", Map.of(day(2), "8", day(3), "8")))
                .expectException(violation(Kind.INVALID_INPUT, "billed-day", "hours.2026-02-03"));
    }

    @Test
    void hoursBeforeTheSeatsStartAreRefusedAndZeroIsFine() {
        List<Object> history = new ArrayList<>(active(BillingModel.HOURLY));
        history.add(new SeatAdded(ID, "seat-2", "pro-2", "Grace Hopper", RATE, day(4)));
        fixture.given(history)
                .when(new SubmitTimesheet(ID, "seat-2", "2026-W06", hours(Map.of(day(3), "1"))))
                .expectException(violation(Kind.INVALID_INPUT, "billed-day", "hours.2026-02-03"));
        fixture.given(history)
                .when(new SubmitTimesheet(ID, "seat-2", "2026-W06", hours(Map.of(day(3), "0", day(4), "6"))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void hoursLieBetweenZeroAndTwentyFour() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(2), "24.25")))
                .expectException(violation(Kind.INVALID_INPUT, "range", "hours.2026-02-02"));
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(2), "-1")))
                .expectException(violation(Kind.INVALID_INPUT, "range", "hours.2026-02-02"));
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(2), "24")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void hoursAreCountedInQuarterHours() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(2), "7.3")))
                .expectException(violation(Kind.INVALID_INPUT, "quarter-hours", "hours.2026-02-02"));
    }

    @Test
    void hoursOfADayOutsideTheWeekAreRefused() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(1), "8")))
                .expectException(violation(Kind.INVALID_INPUT, "in-week", "hours.2026-02-01"));
    }

    @Test
    void hoursAreRequired() {
        fixture.given(active(BillingModel.HOURLY))
                .when(new SubmitTimesheet(ID, SEAT, "2026-W06", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "hours"));
    }

    @Test
    void aDayThatIsNoDateIsRefused() {
        Map<LocalDate, BigDecimal> hours = new HashMap<>();
        hours.put(null, BigDecimal.ONE);
        fixture.given(active(BillingModel.HOURLY))
                .when(new SubmitTimesheet(ID, SEAT, "2026-W06", hours))
                .expectException(violation(Kind.INVALID_INPUT, "date", "hours"));
    }

    @Test
    void aSeatHasOneTimesheetPerWeek() {
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(2), "8")))
                .expectSuccessfulHandlerExecution();
        fixture.given(active(BillingModel.HOURLY))
                .when(submit("2026-W06", Map.of(day(3), "8")))
                .expectException(violation(Kind.ILLEGAL_STATE, "timesheet-exists", null));
        assertThat(timesheets.submitted).hasSize(1);
    }

    @Test
    void timesheetIdsDifferBySeatAndWeekAndCannotBeForgedByJoiningIds() {
        IsoWeek week = new IsoWeek(2026, 6);
        assertThat(TimesheetIds.of("a", "b", week)).isEqualTo(TimesheetIds.of("a", "b", week))
                .isNotEqualTo(TimesheetIds.of("a", "c", week))
                .isNotEqualTo(TimesheetIds.of("a", "b", new IsoWeek(2026, 7)))
                .isNotEqualTo(TimesheetIds.of("a-b", "", week));
    }

    // ---------------------------------------------------------------- fixtures

    private static LocalDate day(int dayOfFebruary) {
        return LocalDate.of(2026, 2, dayOfFebruary);
    }

    private static SubmitTimesheet submit(String week, Map<LocalDate, String> hours) {
        return new SubmitTimesheet(ID, SEAT, week, hours(hours));
    }

    private static Map<LocalDate, BigDecimal> hours(Map<LocalDate, String> hours) {
        Map<LocalDate, BigDecimal> values = new LinkedHashMap<>();
        hours.forEach((day, value) -> values.put(day, new BigDecimal(value)));
        return values;
    }

    private static EngagementProposed proposed(BillingModel model, int trialDays) {
        EngagementTerms terms = new EngagementTerms(AUCKLAND, BillingCycle.MONTHLY, 30, 30, trialDays, 90, 2, 5, 5,
                30, IpTrigger.ON_PAYMENT);
        return new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", model,
                List.of(new NewSeat(SEAT, "pro-1", "Ada Lovelace", RATE, START)), terms, START);
    }

    private static List<Object> active(BillingModel model) {
        return List.of(proposed(model, 0), new EngagementActivated(ID, START));
    }

}
