package com.engagementledger.engagement.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CloseSeatReplacement;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ScheduleSeatOverlap;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatOverlapScheduled;
import com.engagementledger.engagement.api.SeatProfessionalSwapped;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatReplacementClosed;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.engagement.api.SwapSeatProfessional;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.engagement.api.WithdrawSeatRelease;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.EligibilityDecision;
import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRecords.Standing;
import com.engagementledger.replacement.api.RequestReplacement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engagement's side of a replacement (DESIGN.md §3, ADR 0025): the request it decides, the claim it keeps on the
 * seat while the replacement is open, and the consequences it records in any status. "Today" is Monday 2025-03-10;
 * Friday 2025-03-14 is a holiday, so the SLA's fifth business day is Tuesday 2025-03-18 and an overlap of five
 * business days starting today ends on Monday 2025-03-17 at the earliest.
 */
class EngagementReplacementTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final LocalDate HOLIDAY = LocalDate.of(2025, 3, 14);
    private static final String ID = "eng-1";
    private static final String SEAT = "seat-1";
    /** No trial, notice 30 days, guarantee window 90 days, 2 free replacements a seat, SLA and overlap 5 days. */
    private static final EngagementTerms TERMS = new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90, 2,
            5, 5, 30, IpTrigger.ON_PAYMENT);
    private static final BigDecimal RATE = new BigDecimal("8000.00");
    /** The seat starts on this day: today is its tenth. */
    private static final LocalDate DAY_10_START = TODAY.minusDays(9);

    private AggregateTestFixture<Engagement> fixture;
    private FakeReplacementRecords replacements;

    @BeforeEach
    void setUp() {
        replacements = new FakeReplacementRecords();
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(new TestClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerInjectableResource(new BackDatingWindow(31));
        fixture.registerInjectableResource(new ForwardDatingWindow(365));
        fixture.registerInjectableResource(BusinessDays.withHolidays(List.of(HOLIDAY)));
        fixture.registerInjectableResource(replacements);
    }

    // ---------------------------------------------------------------- the request and its eligibility

    @Test
    void aRequestOnDayTenForNonPerformanceIsFreeAndOpensTheReplacementWithWhatTheEngagementKnows() {
        fixture.given(activeFrom(DAY_10_START))
                .when(request("rep-1", ReplacementReason.NON_PERFORMANCE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L)
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY, true));
        assertThat(replacements.opened).containsExactly(new ReplacementOpening("rep-1", ID, SEAT,
                ReplacementReason.NON_PERFORMANCE, "keeps missing the stand-ups",
                new EligibilityDecision(Eligibility.FREE, "requested on day 10 of the seat's 90-day guarantee window"
                        + " (until 2025-05-29), with 2 of 2 free replacements left", true),
                TODAY, LocalDate.of(2025, 3, 18), 5, 5, "UTC", "pro-1", "Ada Lovelace", DAY_10_START,
                LocalDate.of(2025, 5, 29), null, BillingModel.MONTHLY, RATE, "EUR"));
    }

    @Test
    void aRequestOnDayOneHundredTwentyIsBillableWithItsReason() {
        fixture.given(activeFrom(TODAY.minusDays(119)))
                .when(request("rep-1", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY, false));
        EligibilityDecision decision = replacements.opened.get(0).decision();
        assertThat(decision.eligibility()).isEqualTo(Eligibility.BILLABLE);
        assertThat(decision.reason()).isEqualTo("requested on day 120 of the seat, after its 90-day guarantee"
                + " window (from 2024-11-11 to 2025-02-08)");
        assertThat(decision.usesFreeReplacement()).isFalse();
    }

    @Test
    void attritionIsFreeAfterTheWindowAndUsesNoFreeReplacement() {
        fixture.given(activeFrom(TODAY.minusDays(119)))
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY, false));
        assertThat(replacements.opened.get(0).decision().eligibility()).isEqualTo(Eligibility.FREE);
    }

    @Test
    void theSeatsRateOnTheSlaDueDateGoesWithTheOpening() {
        List<Object> history = new ArrayList<>(activeFrom(DAY_10_START));
        history.add(new RateChangeScheduled(ID, SEAT,
                new BigDecimal("9000.00"), LocalDate.of(2025, 3, 18), TODAY.minusDays(40), "raise", "rc-1"));
        fixture.given(history)
                .when(request("rep-1", ReplacementReason.CLIENT_REQUEST))
                .expectSuccessfulHandlerExecution();
        assertThat(replacements.opened.get(0).seatRate()).isEqualTo(new BigDecimal("9000.00"));
    }

    @Test
    void theFreeReplacementsOfASeatRunOutAndTheNextIsBillable() {
        List<Object> history = new ArrayList<>(activeFrom(DAY_10_START));
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-a", TODAY.minusDays(5), true));
        history.add(swapped("rep-a", "pro-2", TODAY.minusDays(3), null));
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-b", TODAY.minusDays(2), true));
        history.add(swapped("rep-b", "pro-3", TODAY.minusDays(1), null));
        fixture.given(history)
                .when(request("rep-c", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-c", TODAY, false));
        assertThat(replacements.opened.get(0).decision()).isEqualTo(new EligibilityDecision(Eligibility.BILLABLE,
                "no free replacement left on the seat: 2 of 2 used", false));
        assertThat(replacements.opened.get(0).outgoingProfessionalId()).isEqualTo("pro-3");
    }

    @Test
    void aWithdrawnReplacementGivesItsFreeReplacementBack() {
        List<Object> history = new ArrayList<>(activeFrom(DAY_10_START));
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-a", TODAY.minusDays(5), true));
        history.add(new SeatReplacementClosed(ID, SEAT, "rep-a", TODAY.minusDays(4), null, true));
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-b", TODAY.minusDays(3), true));
        history.add(swapped("rep-b", "pro-3", TODAY.minusDays(1), null));
        fixture.given(history)
                .when(request("rep-c", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-c", TODAY, true));
        assertThat(replacements.opened.get(0).decision().reason()).endsWith("with 1 of 2 free replacements left");
    }

    @Test
    void aRequestIsTakenWhilePausedAndUnderNoticeAndNamesTheSeatsLastDay() {
        List<Object> paused = new ArrayList<>(activeFrom(DAY_10_START));
        paused.add(new EngagementPaused(ID, TODAY.minusDays(1)));
        fixture.given(paused)
                .when(request("rep-1", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY, true));

        List<Object> notice = new ArrayList<>(activeFrom(DAY_10_START));
        notice.add(new NoticeGiven(ID, TODAY, LocalDate.of(2025, 4, 30), false, null));
        fixture.given(notice)
                .when(request("rep-2", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-2", TODAY, true));
        assertThat(replacements.opened.get(1).seatLastDay()).isEqualTo(LocalDate.of(2025, 4, 30));
    }

    // ---------------------------------------------------------------- refusals of a request

    @Test
    void statusRefusesARequestBeforeTheEngagementRunsAndAfterItEnded() {
        fixture.given(proposed(seat(DAY_10_START)))
                .when(request("rep-1", ReplacementReason.NON_PERFORMANCE))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
        fixture.given(new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(seat(DAY_10_START)), withTrial(), DAY_10_START),
                        new TrialStarted(ID, DAY_10_START, DAY_10_START.plusDays(13)))
                .when(request("rep-1", ReplacementReason.NON_PERFORMANCE))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
        List<Object> ended = new ArrayList<>(activeFrom(DAY_10_START));
        ended.add(new NoticeGiven(ID, TODAY.minusDays(3), TODAY.minusDays(1), true, "fraud"));
        ended.add(new EngagementEnded(ID, TODAY.minusDays(1), TODAY, true));
        fixture.given(ended)
                .when(request("rep-1", ReplacementReason.NON_PERFORMANCE))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void requiredRefusesARequestWithoutAReason() {
        fixture.given(activeFrom(DAY_10_START))
                .when(new RequestReplacement(ID, "rep-1", SEAT, null, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
    }

    @Test
    void theReplacementIdAndTheNoteArePlainText() {
        fixture.given(activeFrom(DAY_10_START))
                .when(new RequestReplacement(ID, " rep-1", SEAT, ReplacementReason.ATTRITION, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "whitespace", "replacementId"));
        fixture.given(activeFrom(DAY_10_START))
                .when(new RequestReplacement(ID, "rep-1", SEAT, ReplacementReason.ATTRITION, "x".repeat(2001),
                        null))
                .expectException(violation(Kind.INVALID_INPUT, "length", "note"));
        fixture.given(activeFrom(DAY_10_START))
                .when(new RequestReplacement(ID, "rep-1", SEAT, ReplacementReason.ATTRITION, "  ", null))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY, false));
        assertThat(replacements.opened.get(0).note()).isNull();
    }

    @Test
    void anUnknownSeatIsNotFound() {
        fixture.given(activeFrom(DAY_10_START))
                .when(new RequestReplacement(ID, "rep-1", "seat-9", ReplacementReason.ATTRITION, null, null))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "seatId"));
    }

    @Test
    void uniqueRefusesAReplacementIdUsedBefore() {
        List<Object> history = new ArrayList<>(activeFrom(DAY_10_START));
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY.minusDays(5), true));
        history.add(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY.minusDays(4), null, true));
        fixture.given(history)
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "replacementId"));
    }

    @Test
    void seatNotStartedRefusesASeatBilledFromALaterDay() {
        List<Object> history = new ArrayList<>(activeFrom(DAY_10_START));
        history.add(new SeatAdded(ID, "seat-2", "pro-2", "Grace Hopper", RATE, TODAY.plusDays(1)));
        fixture.given(history)
                .when(new RequestReplacement(ID, "rep-1", "seat-2", ReplacementReason.ATTRITION, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-not-started", null));
    }

    @Test
    void seatNotStartedCountsTheEngagementsFirstBilledDayForASeatStartingEarlier() {
        fixture.given(proposed(seat(DAY_10_START)), new EngagementActivated(ID, TODAY.plusDays(2)))
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-not-started", null));
    }

    @Test
    void seatReleasedRefusesASeatReleasedByToday() {
        List<Object> history = new ArrayList<>(activeFrom(DAY_10_START));
        history.add(new SeatAdded(ID, "seat-2", "pro-2", "Grace Hopper", RATE, DAY_10_START));
        history.add(new SeatReleased(ID, SEAT, TODAY));
        fixture.given(history)
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-released", null));
    }

    @Test
    void seatEndsBeforeOverlapRefusesASeatWhoseLastDayLeavesNoDayAfterTheOverlap() {
        // five business days from today, the holiday skipped: the 10th to the 13th and the 17th
        List<Object> releasedOn18th = new ArrayList<>(activeFrom(DAY_10_START));
        releasedOn18th.add(new SeatReleased(ID, SEAT, LocalDate.of(2025, 3, 18)));
        fixture.given(releasedOn18th)
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-ends-before-overlap", null));

        List<Object> releasedOn19th = new ArrayList<>(activeFrom(DAY_10_START));
        releasedOn19th.add(new SeatReleased(ID, SEAT, LocalDate.of(2025, 3, 19)));
        fixture.given(releasedOn19th)
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY, false));
        assertThat(replacements.opened.get(0).seatLastDay()).isEqualTo(LocalDate.of(2025, 3, 18));

        List<Object> noticeUntil17th = new ArrayList<>(activeFrom(DAY_10_START));
        noticeUntil17th.add(new NoticeGiven(ID, TODAY, LocalDate.of(2025, 3, 17), true, "fraud"));
        fixture.given(noticeUntil17th)
                .when(request("rep-1", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-ends-before-overlap", null));
    }

    @Test
    void openReplacementRefusesASecondRequestOnTheSeatWhileTheFirstIsOpen() {
        replacements.standing("rep-1", Standing.OPEN);
        fixture.given(openOnSeat("rep-1"))
                .when(request("rep-2", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.ILLEGAL_STATE, "open-replacement", null))
                .expectExceptionMessage(containsString(
                        "complete or withdraw replacement rep-1 first"));
        assertThat(replacements.opened).isEmpty();
    }

    @Test
    void swapPendingRefusesARequestWhileTheCompletedReplacementsSwapIsUnrecorded() {
        replacements.standing("rep-1", Standing.COMPLETED);
        fixture.given(openOnSeat("rep-1"))
                .when(request("rep-2", ReplacementReason.ATTRITION))
                .expectException(violation(Kind.ILLEGAL_STATE, "swap-pending", null))
                .expectExceptionMessage(containsString("Replacement rep-1 completed"));
    }

    @Test
    void aWithdrawnReplacementNotYetClosedIsClosedByTheNextRequestAndGivesItsFreeReplacementBack() {
        replacements.standing("rep-1", Standing.WITHDRAWN);
        fixture.given(openOnSeat("rep-1"))
                .when(request("rep-2", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true),
                        new SeatReplacementOpened(ID, SEAT, "rep-2", TODAY, true));
        assertThat(replacements.opened.get(0).decision().reason()).endsWith("with 2 of 2 free replacements left");
    }

    @Test
    void aWithdrawnReplacementWithARecordedOverlapKeepsItsFreeReplacementAndTheOverlapDaysBeforeToday() {
        replacements.standing("rep-1", Standing.WITHDRAWN);
        List<Object> history = new ArrayList<>(openOnSeat("rep-1"));
        history.add(new SeatOverlapScheduled(ID, SEAT, "rep-1", "pro-2", "Grace Hopper", TODAY.minusDays(3),
                TODAY.plusDays(3), true));
        fixture.given(history)
                .when(request("rep-2", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, TODAY.minusDays(1), false),
                        new SeatReplacementOpened(ID, SEAT, "rep-2", TODAY, true));
        assertThat(replacements.opened.get(0).decision().reason()).endsWith("with 1 of 2 free replacements left");
    }

    @Test
    void anUnknownReplacementIsClosedLikeAWithdrawnOne() {
        fixture.given(openOnSeat("rep-1"))
                .when(request("rep-2", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true),
                        new SeatReplacementOpened(ID, SEAT, "rep-2", TODAY, true));
    }

    // ---------------------------------------------------------------- what an open replacement stands in the way of

    @Test
    void openReplacementRefusesReleasingTheSeat() {
        replacements.standing("rep-1", Standing.OPEN);
        fixture.given(openOnSeat("rep-1", twoSeats()))
                .when(new ReleaseSeat(ID, SEAT, TODAY.plusDays(20), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "open-replacement", null));
    }

    @Test
    void openReplacementRefusesWithdrawingTheSeat() {
        replacements.standing("rep-1", Standing.OPEN);
        fixture.given(openOnSeat("rep-1", twoSeats()))
                .when(new ReleaseSeat(ID, SEAT, DAY_10_START, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "open-replacement", null));
    }

    @Test
    void swapPendingRefusesReleasingTheSeat() {
        replacements.standing("rep-1", Standing.COMPLETED);
        fixture.given(openOnSeat("rep-1", twoSeats()))
                .when(new ReleaseSeat(ID, SEAT, TODAY.plusDays(20), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "swap-pending", null));
    }

    @Test
    void aReleaseClosesAWithdrawnReplacementFirst() {
        replacements.standing("rep-1", Standing.WITHDRAWN);
        fixture.given(openOnSeat("rep-1", twoSeats()))
                .when(new ReleaseSeat(ID, SEAT, TODAY.plusDays(20), null))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true),
                        new SeatReleased(ID, SEAT, TODAY.plusDays(20)));
    }

    @Test
    void aWithdrawalOfTheSeatClosesAWithdrawnReplacementFirst() {
        replacements.standing("rep-1", Standing.WITHDRAWN);
        fixture.given(openOnSeat("rep-1", twoSeats()))
                .when(new ReleaseSeat(ID, SEAT, DAY_10_START, null))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true),
                        new SeatWithdrawn(ID, SEAT, TODAY));
    }

    @Test
    void anotherSeatsReplacementDoesNotStandInTheWayOfARelease() {
        replacements.standing("rep-1", Standing.OPEN);
        fixture.given(openOnSeat("rep-1", twoSeats()))
                .when(new ReleaseSeat(ID, "seat-2", TODAY.plusDays(20), null))
                .expectEvents(new SeatReleased(ID, "seat-2", TODAY.plusDays(20)));
    }

    @Test
    void openReplacementRefusesNoticeNamingEveryOpenReplacement() {
        replacements.standing("rep-1", Standing.OPEN).standing("rep-2", Standing.OPEN);
        List<Object> history = new ArrayList<>(openOnSeat("rep-1", twoSeats()));
        history.add(new SeatReplacementOpened(ID, "seat-2", "rep-2", TODAY.minusDays(1), false));
        fixture.given(history)
                .when(notice())
                .expectException(violation(Kind.ILLEGAL_STATE, "open-replacement", null))
                .expectExceptionMessage("Cannot give notice: replacement rep-1 of seat seat-1, replacement rep-2"
                        + " of seat seat-2 are open; complete or withdraw them first");
    }

    @Test
    void swapPendingRefusesNotice() {
        replacements.standing("rep-1", Standing.COMPLETED);
        fixture.given(openOnSeat("rep-1"))
                .when(notice())
                .expectException(violation(Kind.ILLEGAL_STATE, "swap-pending", null));
    }

    @Test
    void noticeClosesAWithdrawnReplacementFirst() {
        replacements.standing("rep-1", Standing.WITHDRAWN);
        fixture.given(openOnSeat("rep-1"))
                .when(notice())
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true),
                        new NoticeGiven(ID, TODAY, TODAY.plusDays(40), false, null));
    }

    // ---------------------------------------------------------------- consequences the replacement process sends

    @Test
    void theOverlapOfTheOpenReplacementIsRecordedOnce() {
        ScheduleSeatOverlap schedule = new ScheduleSeatOverlap(ID, SEAT, "rep-1", "pro-2", "Grace Hopper",
                TODAY.plusDays(1), TODAY.plusDays(7), true);
        fixture.given(openOnSeat("rep-1"))
                .when(schedule)
                .expectEvents(new SeatOverlapScheduled(ID, SEAT, "rep-1", "pro-2", "Grace Hopper",
                        TODAY.plusDays(1), TODAY.plusDays(7), true));
        List<Object> scheduled = new ArrayList<>(openOnSeat("rep-1"));
        scheduled.add(new SeatOverlapScheduled(ID, SEAT, "rep-1", "pro-2", "Grace Hopper", TODAY.plusDays(1),
                TODAY.plusDays(7), true));
        fixture.given(scheduled)
                .when(schedule)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOverlapOfAReplacementTheSeatNoLongerHoldsOpenChangesNothing() {
        List<Object> closed = new ArrayList<>(openOnSeat("rep-1"));
        closed.add(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true));
        fixture.given(closed)
                .when(new ScheduleSeatOverlap(ID, SEAT, "rep-1", "pro-2", "Grace Hopper", TODAY.plusDays(1),
                        TODAY.plusDays(7), true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSwapIsRecordedEvenAfterTheEngagementEndedAndOnlyOnce() {
        List<Object> ended = new ArrayList<>(openOnSeat("rep-1"));
        ended.add(new NoticeGiven(ID, TODAY.minusDays(3), TODAY.minusDays(1), true, "fraud"));
        ended.add(new EngagementEnded(ID, TODAY.minusDays(1), TODAY, true));
        SwapSeatProfessional swap = new SwapSeatProfessional(ID, SEAT, "rep-1", "pro-2", "Grace Hopper",
                TODAY.minusDays(2), TODAY.minusDays(3));
        fixture.given(ended)
                .when(swap)
                .expectEvents(swapped("rep-1", "pro-2", TODAY.minusDays(2), TODAY.minusDays(3)));
        ended.add(swapped("rep-1", "pro-2", TODAY.minusDays(2), TODAY.minusDays(3)));
        fixture.given(ended)
                .when(swap)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSwapFreesTheSeatAndTheIncomingProfessionalHoldsIt() {
        replacements.standing("rep-1", Standing.OPEN);
        List<Object> swappedSeat = new ArrayList<>(openOnSeat("rep-1"));
        swappedSeat.add(swapped("rep-1", "pro-2", TODAY.minusDays(1), null));
        fixture.given(swappedSeat)
                .when(request("rep-2", ReplacementReason.ATTRITION))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-2", TODAY, false));
        assertThat(replacements.opened.get(0).outgoingProfessionalId()).isEqualTo("pro-2");
        fixture.given(swappedSeat)
                .when(new AddSeat(ID, "seat-2", "pro-2", "Grace Hopper", RATE, TODAY, null))
                .expectException(violation(Kind.INVALID_INPUT, "one-seat-per-professional", "professionalId"));
        fixture.given(swappedSeat)
                .when(new AddSeat(ID, "seat-2", "pro-1", "Ada Lovelace", RATE, TODAY, null))
                .expectEvents(new SeatAdded(ID, "seat-2", "pro-1", "Ada Lovelace", RATE, TODAY));
    }

    @Test
    void theIncomingProfessionalOfAnOpenReplacementGetsNoSecondSeat() {
        List<Object> overlapping = new ArrayList<>(openOnSeat("rep-1"));
        overlapping.add(new SeatOverlapScheduled(ID, SEAT, "rep-1", "pro-2", "Grace Hopper", TODAY.plusDays(1),
                TODAY.plusDays(7), true));
        fixture.given(overlapping)
                .when(new AddSeat(ID, "seat-2", "pro-2", "Grace Hopper", RATE, TODAY.plusDays(30), null))
                .expectException(violation(Kind.INVALID_INPUT, "one-seat-per-professional", "professionalId"))
                .expectNoEvents();
    }

    @Test
    void aReleaseIsNotWithdrawnUnderTheIncomingProfessionalOfAnotherSeat() {
        List<Object> history = new ArrayList<>(List.of(proposed(seat(DAY_10_START),
                        new NewSeat("seat-2", "pro-3", "Alan Turing", RATE, DAY_10_START)),
                new EngagementActivated(ID, DAY_10_START), new SeatReleased(ID, "seat-2", TODAY)));
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY.minusDays(1), true));
        history.add(new SeatOverlapScheduled(ID, SEAT, "rep-1", "pro-3", "Alan Turing", TODAY.plusDays(1),
                TODAY.plusDays(7), true));
        fixture.given(history)
                .when(new WithdrawSeatRelease(ID, "seat-2", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "one-seat-per-professional", null))
                .expectNoEvents();
    }

    @Test
    void aSwapOfAReplacementTheSeatNoLongerHoldsOpenIsStillRecorded() {
        List<Object> closed = new ArrayList<>(openOnSeat("rep-1"));
        closed.add(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true));
        fixture.given(closed)
                .when(new SwapSeatProfessional(ID, SEAT, "rep-1", "pro-2", "Grace Hopper", TODAY, null))
                .expectEvents(swapped("rep-1", "pro-2", TODAY, null));
    }

    @Test
    void aSwapOfAnUnknownSeatChangesNothing() {
        fixture.given(activeFrom(DAY_10_START))
                .when(new SwapSeatProfessional(ID, "seat-9", "rep-1", "pro-2", "Grace Hopper", TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void closingFreesTheSeatAndReturnsTheFreeReplacementItUsed() {
        fixture.given(openOnSeat("rep-1"))
                .when(new CloseSeatReplacement(ID, SEAT, "rep-1", TODAY, null, true))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true));
        replacements.standing("rep-1", Standing.OPEN);
        List<Object> closed = new ArrayList<>(openOnSeat("rep-1"));
        closed.add(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true));
        fixture.given(closed)
                .when(request("rep-2", ReplacementReason.NON_PERFORMANCE))
                .expectEvents(new SeatReplacementOpened(ID, SEAT, "rep-2", TODAY, true));
        assertThat(replacements.opened.get(0).decision().reason()).endsWith("with 2 of 2 free replacements left");
    }

    @Test
    void closingReturnsNoFreeReplacementTheReplacementDidNotUse() {
        List<Object> billable = new ArrayList<>(activeFrom(DAY_10_START));
        billable.add(new SeatReplacementOpened(ID, SEAT, "rep-1", TODAY.minusDays(1), false));
        fixture.given(billable)
                .when(new CloseSeatReplacement(ID, SEAT, "rep-1", TODAY, null, true))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, false));
    }

    @Test
    void aRepeatedCloseOrOneForAnotherReplacementChangesNothing() {
        List<Object> closed = new ArrayList<>(openOnSeat("rep-1"));
        closed.add(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true));
        fixture.given(closed)
                .when(new CloseSeatReplacement(ID, SEAT, "rep-1", TODAY, null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(openOnSeat("rep-1"))
                .when(new CloseSeatReplacement(ID, SEAT, "rep-9", TODAY, null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theConsequencesAreRecordedInAnyStatus() {
        List<Object> ended = new ArrayList<>(openOnSeat("rep-1"));
        ended.add(new NoticeGiven(ID, TODAY.minusDays(3), TODAY.minusDays(1), true, "fraud"));
        ended.add(new EngagementEnded(ID, TODAY.minusDays(1), TODAY, true));
        fixture.given(ended)
                .when(new ScheduleSeatOverlap(ID, SEAT, "rep-1", "pro-2", "Grace Hopper", TODAY.minusDays(2),
                        TODAY.minusDays(1), false))
                .expectEvents(new SeatOverlapScheduled(ID, SEAT, "rep-1", "pro-2", "Grace Hopper",
                        TODAY.minusDays(2), TODAY.minusDays(1), false));
        fixture.given(ended)
                .when(new CloseSeatReplacement(ID, SEAT, "rep-1", TODAY, null, true))
                .expectEvents(new SeatReplacementClosed(ID, SEAT, "rep-1", TODAY, null, true));
    }

    // ---------------------------------------------------------------- fixtures

    private static NewSeat seat(LocalDate start) {
        return new NewSeat(SEAT, "pro-1", "Ada Lovelace", RATE, start);
    }

    private static EngagementProposed proposed(NewSeat... seats) {
        return new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", BillingModel.MONTHLY,
                List.of(seats), TERMS, seats[0].startDate());
    }

    private static EngagementTerms withTrial() {
        return new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 14, 90, 2, 5, 5, 30, IpTrigger.ON_PAYMENT);
    }

    /** Proposed and activated on the day seat-1 starts. */
    private static List<Object> activeFrom(LocalDate seatStart) {
        return List.of(proposed(seat(seatStart)), new EngagementActivated(ID, seatStart));
    }

    /** Seat-1 and seat-2 from the tenth day before today. */
    private static List<Object> twoSeats() {
        return List.of(proposed(seat(DAY_10_START), new NewSeat("seat-2", "pro-2", "Grace Hopper", RATE,
                DAY_10_START)), new EngagementActivated(ID, DAY_10_START));
    }

    /** Seat-1 from day 10 with a free replacement opened yesterday. */
    private static List<Object> openOnSeat(String replacementId) {
        return openOnSeat(replacementId, activeFrom(DAY_10_START));
    }

    private static List<Object> openOnSeat(String replacementId, List<Object> history) {
        List<Object> events = new ArrayList<>(history);
        events.add(new SeatReplacementOpened(ID, SEAT, replacementId, TODAY.minusDays(1), true));
        return events;
    }

    private static SeatProfessionalSwapped swapped(String replacementId, String professionalId, LocalDate swapDate,
                                                   LocalDate overlapTo) {
        return new SeatProfessionalSwapped(ID, SEAT, replacementId, professionalId, "Grace Hopper", swapDate,
                overlapTo);
    }

    private static RequestReplacement request(String replacementId, ReplacementReason reason) {
        return new RequestReplacement(ID, replacementId, SEAT, reason, "keeps missing the stand-ups", null);
    }

    private static GiveNotice notice() {
        return new GiveNotice(ID, TODAY.plusDays(40), false, null, null);
    }

}
