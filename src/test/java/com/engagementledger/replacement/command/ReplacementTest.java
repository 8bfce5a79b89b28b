package com.engagementledger.replacement.command;

import static com.engagementledger.support.Violations.violation;
import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.SeatHolderView;
import com.engagementledger.engagement.api.SeatOverlap;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import com.engagementledger.replacement.api.AcceptCandidate;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CandidateProposed;
import com.engagementledger.replacement.api.CandidateRejected;
import com.engagementledger.replacement.api.CloseForEndedEngagement;
import com.engagementledger.replacement.api.CompleteReplacement;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.EndOverlap;
import com.engagementledger.replacement.api.ProposeCandidate;
import com.engagementledger.replacement.api.RecordSlaBreach;
import com.engagementledger.replacement.api.RejectCandidate;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementSeatEndChanged;
import com.engagementledger.replacement.api.ReplacementSlaBreached;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import com.engagementledger.replacement.api.UpdateSeatLastDay;
import com.engagementledger.replacement.api.WithdrawReplacement;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replacement aggregate against DESIGN.md §3 (Replacement). Requested on Monday 2025-03-10 with a 5-business-day
 * SLA (due Monday 2025-03-17) and a 5-business-day overlap; "today" is 2025-03-10 at noon UTC unless a test moves the
 * clock. Good Friday and Easter Monday 2025 are holidays.
 */
class ReplacementTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final LocalDate REQUESTED_ON = date("2025-03-10");
    private static final LocalDate SLA_DUE = date("2025-03-17");
    private static final String ID = "rep-1";
    private static final String ENGAGEMENT = "eng-1";
    private static final String SEAT = "seat-1";
    private static final String AUCKLAND = "Pacific/Auckland";
    private static final BigDecimal MONTHLY_RATE = new BigDecimal("8000.00");

    private AggregateTestFixture<Replacement> fixture;
    private TestClock clock;
    /** The engagement's seats as its read model shows them; null while it shows none. */
    private List<SeatView> engagementSeats = List.of(seatHeldBy(SEAT, "pro-1", date("2025-01-06"), null));

    @BeforeEach
    void setUp() {
        clock = new TestClock(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture = new AggregateTestFixture<>(Replacement.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(BusinessDays.withHolidays(List.of(date("2025-04-18"),
                date("2025-04-21"))));
        fixture.registerInjectableResource(new ReplacementDatingWindow(31, 365));
        fixture.registerInjectableResource(new EngagementSeats(null) {
            @Override
            List<SeatView> seats(String engagementId) {
                if (engagementSeats == null) {
                    throw RuleViolation.unavailable("engagement-unavailable", "not in the read model yet");
                }
                return engagementSeats;
            }
        });
    }

    // ---------------------------------------------------------------- ProposeCandidate

    @Test
    void candidateProposalIsDatedTodayAndReturnsTheVersion() {
        fixture.given(requested())
                .when(propose("cand-1", "pro-2"))
                .expectEvents(proposed("cand-1", "pro-2"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void candidateProposalInAucklandIsDatedByTheLocalDate() {
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", AUCKLAND, null))
                .when(propose("cand-1", "pro-2"))
                .expectEvents(new CandidateProposed(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                        date("2025-03-11")));
    }

    @Test
    void candidateAfterARejectedOneCanBeProposed() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), rejected("cand-1"))
                .when(propose("cand-2", "pro-3"))
                .expectEvents(proposed("cand-2", "pro-3"));
    }

    @Test
    void secondCandidateWhileOneIsPendingIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(propose("cand-2", "pro-3"))
                .expectException(violation(Kind.ILLEGAL_STATE, "candidate-pending", null))
                .expectNoEvents();
    }

    @Test
    void candidateIdIsUniqueInTheReplacement() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), rejected("cand-1"))
                .when(propose("cand-1", "pro-3"))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "candidateId"))
                .expectNoEvents();
    }

    @Test
    void candidateWhoIsTheOutgoingProfessionalIsRefused() {
        fixture.given(requested())
                .when(propose("cand-1", "pro-1"))
                .expectException(violation(Kind.INVALID_INPUT, "same-professional", "professionalId"))
                .expectNoEvents();
    }

    @Test
    void candidateNeedsAnId() {
        fixture.given(requested())
                .when(new ProposeCandidate(ID, null, "pro-2", "Grace Hopper", null))
                .expectException(violation(Kind.MALFORMED, "required", "candidateId"));
    }

    @Test
    void candidateIdIsTakenAsWritten() {
        fixture.given(requested())
                .when(new ProposeCandidate(ID, " cand-1", "pro-2", "Grace Hopper", null))
                .expectException(violation(Kind.INVALID_INPUT, "whitespace", "candidateId"));
    }

    @Test
    void candidateNeedsAProfessionalId() {
        fixture.given(requested())
                .when(new ProposeCandidate(ID, "cand-1", " ", "Grace Hopper", null))
                .expectException(violation(Kind.MALFORMED, "required", "professionalId"));
    }

    @Test
    void candidateNeedsAProfessionalName() {
        fixture.given(requested())
                .when(new ProposeCandidate(ID, "cand-1", "pro-2", null, null))
                .expectException(violation(Kind.MALFORMED, "required", "professionalName"));
    }

    @Test
    void candidateNameIsPlainTextOfAtMost200Characters() {
        fixture.given(requested())
                .when(new ProposeCandidate(ID, "cand-1", "pro-2", "G".repeat(201), null))
                .expectException(violation(Kind.INVALID_INPUT, "length", "professionalName"));
        fixture.given(requested())
                .when(new ProposeCandidate(ID, "cand-1", "pro-2", "Grace\u202EHopper", null))
                .expectException(violation(Kind.MALFORMED, "plain-text", "professionalName"));
    }

    @Test
    void candidateNameIsStripped() {
        fixture.given(requested())
                .when(new ProposeCandidate(ID, "cand-1", "pro-2", "  Grace Hopper ", null))
                .expectEvents(proposed("cand-1", "pro-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settledHistories")
    void noCandidateOnceACandidateIsAcceptedOrTheReplacementIsSettled(String what, List<Object> history) {
        fixture.given(history)
                .when(propose("cand-9", "pro-9"))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- RejectCandidate

    @Test
    void rejectedCandidateGivesTheReasonAndReturnsTheVersion() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new RejectCandidate(ID, "cand-1", "  not enough Kotlin ", null))
                .expectEvents(rejected("cand-1"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void rejectionNeedsAReason() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new RejectCandidate(ID, "cand-1", " ", null))
                .expectException(violation(Kind.INVALID_INPUT, "reason-required", "reason"))
                .expectNoEvents();
    }

    @Test
    void rejectionReasonIsAtMost2000Characters() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new RejectCandidate(ID, "cand-1", "x".repeat(2001), null))
                .expectException(violation(Kind.INVALID_INPUT, "length", "reason"));
    }

    @Test
    void rejectingAnUnknownCandidateIsNotFound() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new RejectCandidate(ID, "cand-2", "no", null))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "candidateId"));
    }

    @Test
    void rejectingACandidateNoLongerPendingIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), rejected("cand-1"))
                .when(new RejectCandidate(ID, "cand-1", "again", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "candidate-not-pending", null));
    }

    @Test
    void rejectingTheAcceptedCandidateIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new RejectCandidate(ID, "cand-1", "changed our mind", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    // ---------------------------------------------------------------- AcceptCandidate

    @Test
    void acceptanceWithinTheSlaStartsAFiveBusinessDayOverlapWithoutACredit() {
        // Wednesday 12th: Wed, Thu, Fri, Mon, Tue; the swap is on Wednesday 19th
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectEvents(accepted(date("2025-03-12"), date("2025-03-18")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void overlapSkipsHolidays() {
        // Wed 16 and Thu 17 April, Good Friday and the weekend and Easter Monday skipped, then Tue 22 to Thu 24
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-04-16")))
                .expectEvents(accepted(date("2025-04-16"), date("2025-04-24")));
    }

    @Test
    void overlapStartingOnAWeekendRunsFiveBusinessDaysFromTheNextMonday() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-15")))
                .expectEvents(accepted(date("2025-03-15"), date("2025-03-21")));
    }

    @Test
    void replacementAfterTheWindowIsBillableAndItsOverlapIsNotZeroRated() {
        fixture.given(requested(Eligibility.BILLABLE, false, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC", null),
                        proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectEvents(new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                        REQUESTED_ON, date("2025-03-12"), date("2025-03-18"), false));
    }

    @Test
    void acceptanceNeedsAStartDate() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "startDate"));
    }

    @Test
    void startBeforeTheRequestIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-09")))
                .expectException(violation(Kind.INVALID_INPUT, "before-request", "startDate"))
                .expectNoEvents();
    }

    @Test
    void startOnTheRequestDayIsAccepted() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", REQUESTED_ON))
                .expectEvents(accepted(REQUESTED_ON, date("2025-03-14")));
    }

    @Test
    void startBeyondTheBackDatingWindowIsRefused() {
        // requested in January, accepted in March with a start 32 days back
        fixture.given(requested(date("2025-01-02"), date("2025-01-09")), breached(date("2025-01-09")),
                        proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-02-06")))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "startDate"))
                .expectNoEvents();
    }

    @Test
    void startBeyondTheForwardHorizonIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2026-03-11")))
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", "startDate"));
    }

    @Test
    void overlapThatWouldHandTheSeatOverAfterItsLastDayIsRefused() {
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC",
                        date("2025-03-18")), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectException(violation(Kind.INVALID_INPUT, "overlap-after-seat-end", "startDate"))
                .expectNoEvents();
    }

    @Test
    void overlapHandingTheSeatOverOnItsLastDayIsAccepted() {
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC",
                        date("2025-03-19")), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectEvents(accepted(date("2025-03-12"), date("2025-03-18")));
    }

    @Test
    void acceptingAnUnknownCandidateIsNotFound() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-2", date("2025-03-12")))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "candidateId"));
    }

    @Test
    void acceptingARejectedCandidateIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), rejected("cand-1"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectException(violation(Kind.ILLEGAL_STATE, "candidate-not-pending", null));
    }

    @Test
    void acceptingTwiceIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(accept("cand-1", date("2025-03-12")))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void acceptanceOnTheDueDateIsInTime() {
        at("2025-03-17");
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-18")))
                .expectEvents(new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                        SLA_DUE, date("2025-03-18"), date("2025-03-24"), true));
    }

    @Test
    void lateAcceptanceRecordsTheBreachFirstAndFixesTheCreditForTheBusinessDaysLate() {
        // Tue 18, Wed 19, Thu 20 late: 8000.00 × 12 × 3 ÷ 260 = 1107.6923... → 1107.69
        at("2025-03-20");
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-24")))
                .expectEvents(breached(SLA_DUE),
                        credit(3, "1107.69", "EUR", date("2025-03-20")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-20"), date("2025-03-24"), date("2025-03-28"), true));
    }

    @Test
    void lateAcceptanceAfterTheDeadlineRecordedTheBreachDoesNotRecordItAgain() {
        at("2025-03-20");
        fixture.given(requested(), breached(SLA_DUE), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-24")))
                .expectEvents(credit(3, "1107.69", "EUR", date("2025-03-20")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-20"), date("2025-03-24"), date("2025-03-28"), true));
    }

    @Test
    void lateBillableReplacementRecordsTheBreachButEarnsNoCredit() {
        at("2025-03-20");
        fixture.given(requested(Eligibility.BILLABLE, false, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC", null),
                        proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-24")))
                .expectEvents(breached(SLA_DUE),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-20"), date("2025-03-24"), date("2025-03-28"), false));
    }

    @Test
    void breachThatCostNoBusinessDayEarnsNoCredit() {
        // due Friday the 14th, accepted on Saturday the 15th
        at("2025-03-15");
        fixture.given(requested(REQUESTED_ON, date("2025-03-14")), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-17")))
                .expectEvents(breached(date("2025-03-14")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-15"), date("2025-03-17"), date("2025-03-21"), true));
    }

    @Test
    void hourlySeatCreditIsEightHoursOfTheRatePerBusinessDayLate() {
        // 95.50 × 8 × 3 = 2292.00
        at("2025-03-20");
        fixture.given(requested(Eligibility.FREE, true, BillingModel.HOURLY, new BigDecimal("95.50"), "USD", "UTC",
                        null), breached(SLA_DUE), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-24")))
                .expectEvents(credit(3, "2292.00", "USD", date("2025-03-20")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-20"), date("2025-03-24"), date("2025-03-28"), true));
    }

    @Test
    void yenCreditIsRoundedToWholeYen() {
        // 1,000,000 × 12 × 3 ÷ 260 = 138461.538... → 138462
        at("2025-03-20");
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, new BigDecimal("1000000"), "JPY",
                        "UTC", null), breached(SLA_DUE), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-24")))
                .expectEvents(credit(3, "138462", "JPY", date("2025-03-20")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-20"), date("2025-03-24"), date("2025-03-28"), true));
    }

    @Test
    void dinarCreditKeepsThreeDecimals() {
        // 1000.005 × 12 × 3 ÷ 260 = 138.46223... → 138.462
        at("2025-03-20");
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, new BigDecimal("1000.005"), "KWD",
                        "UTC", null), breached(SLA_DUE), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-24")))
                .expectEvents(credit(3, "138.462", "KWD", date("2025-03-20")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-20"), date("2025-03-24"), date("2025-03-28"), true));
    }

    @Test
    void aucklandAcceptanceIsLateByTheLocalDate() {
        // noon UTC on the due date is 01:00 the next day in Auckland: one business day late
        at("2025-03-17");
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", AUCKLAND, null),
                        proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-19")))
                .expectEvents(breached(SLA_DUE),
                        credit(1, "369.23", "EUR", date("2025-03-18")),
                        new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                                date("2025-03-18"), date("2025-03-19"), date("2025-03-25"), true));
    }

    // ---------------------------------------------------------------- CompleteReplacement

    @Test
    void completingBeforeTheOverlapStartsIsRefused() {
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new CompleteReplacement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "overlap-not-started", null))
                .expectNoEvents();
    }

    @Test
    void earlyCompletionEndsTheOverlapYesterday() {
        at("2025-03-14");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new CompleteReplacement(ID, null))
                .expectEvents(completed(date("2025-03-14"), date("2025-03-13"), true))
                .expectResultMessagePayload(3L);
    }

    @Test
    void completionOnTheOverlapsFirstDayRanNoOverlapDay() {
        at("2025-03-12");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new CompleteReplacement(ID, null))
                .expectEvents(completed(date("2025-03-12"), null, true));
    }

    @Test
    void completionAfterTheOverlapRanOutCompletesItAsPlanned() {
        at("2025-03-21");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new CompleteReplacement(ID, null))
                .expectEvents(completed(date("2025-03-19"), date("2025-03-18"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openWithoutAcceptance")
    void completingWithoutAnAcceptedCandidateIsRefused(String what, List<Object> history) {
        fixture.given(history)
                .when(new CompleteReplacement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void completingTwiceIsRefused() {
        at("2025-03-14");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")),
                        completed(date("2025-03-13"), date("2025-03-12"), true))
                .when(new CompleteReplacement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    // ---------------------------------------------------------------- EndOverlap

    @Test
    void overlapEndsByItselfTheDayAfterItsLastDay() {
        at("2025-03-19");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new EndOverlap(ID))
                .expectEvents(completed(date("2025-03-19"), date("2025-03-18"), false));
    }

    @Test
    void overlapEndedLateStillSwapsTheDayAfterItsLastDay() {
        at("2025-03-25");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new EndOverlap(ID))
                .expectEvents(completed(date("2025-03-19"), date("2025-03-18"), false));
    }

    @Test
    void overlapEndIsNotDueOnItsLastDay() {
        at("2025-03-18");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new EndOverlap(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- RecordSlaBreach

    @Test
    void slaBreachIsRecordedTheDayAfterTheDueDate() {
        at("2025-03-18");
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new RecordSlaBreach(ID))
                .expectEvents(breached(SLA_DUE));
    }

    @Test
    void slaBreachNoticedLateIsStillDatedTheDayAfterTheDueDate() {
        at("2025-03-25");
        fixture.given(requested())
                .when(new RecordSlaBreach(ID))
                .expectEvents(breached(SLA_DUE));
    }

    @Test
    void slaBreachIsNotDueOnTheDueDate() {
        at("2025-03-17");
        fixture.given(requested())
                .when(new RecordSlaBreach(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void slaBreachIsRecordedOnce() {
        at("2025-03-19");
        fixture.given(requested(), breached(SLA_DUE))
                .when(new RecordSlaBreach(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void slaBreachIsNotRecordedOnceACandidateWasAccepted() {
        at("2025-03-19");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new RecordSlaBreach(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The deadline's commands do what is still due, or nothing: they are sent when time passes, not by a user. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyHistory")
    void commandsSentWhenTimePassesNeverFail(String what, List<Object> history) {
        at("2025-04-30");
        fixture.given(history).when(new EndOverlap(ID)).expectSuccessfulHandlerExecution();
        fixture.given(history).when(new RecordSlaBreach(ID)).expectSuccessfulHandlerExecution();
    }

    // ---------------------------------------------------------------- UpdateSeatLastDay

    @Test
    void aSeatEndMovedOutLetsTheSwapFallUpToIt() {
        ReplacementRequested endsOn14th = requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR",
                "UTC", date("2025-03-14"));
        fixture.given(endsOn14th, proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectException(violation(Kind.INVALID_INPUT, "overlap-after-seat-end", "startDate"));
        fixture.given(endsOn14th, proposed("cand-1", "pro-2"))
                .when(new UpdateSeatLastDay(ID, null))
                .expectEvents(new ReplacementSeatEndChanged(ID, ENGAGEMENT, SEAT, null));
        fixture.given(endsOn14th, proposed("cand-1", "pro-2"), new ReplacementSeatEndChanged(ID, ENGAGEMENT, SEAT,
                        null))
                .when(accept("cand-1", date("2025-03-12")))
                .expectEvents(accepted(date("2025-03-12"), date("2025-03-18")));
    }

    @Test
    void aSeatEndAlreadyKnownChangesNothing() {
        fixture.given(requested())
                .when(new UpdateSeatLastDay(ID, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settled")
    void aSettledReplacementIgnoresTheSeatsEnd(String what, List<Object> history) {
        fixture.given(history)
                .when(new UpdateSeatLastDay(ID, date("2025-06-30")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- one seat per professional

    @Test
    void candidateWhoHoldsAnotherSeatIsNotProposed() {
        engagementSeats = List.of(seatHeldBy(SEAT, "pro-1", date("2025-01-06"), null),
                seatHeldBy("seat-2", "pro-2", date("2025-02-03"), null));
        fixture.given(requested())
                .when(propose("cand-1", "pro-2"))
                .expectException(violationNaming(Kind.INVALID_INPUT, "one-seat-per-professional", "professionalId",
                        "seat-2"))
                .expectNoEvents();
    }

    @Test
    void candidateWhoLeftAnotherSeatBeforeTodayCanBeProposed() {
        engagementSeats = List.of(seatHeldBy(SEAT, "pro-1", date("2025-01-06"), null),
                seatHeldBy("seat-2", "pro-2", date("2025-02-03"), date("2025-03-10")),
                new SeatView("seat-3", "pro-4", "Alan Turing", date("2025-01-06"), date("2025-01-06"), null, true,
                        MONTHLY_RATE, List.of(), List.of(), List.of(
                                new SeatHolderView("pro-2", "Grace Hopper", date("2025-01-06"), date("2025-03-09")),
                                new SeatHolderView("pro-4", "Alan Turing", date("2025-03-10"), null)),
                        List.of(), null));
        fixture.given(requested())
                .when(propose("cand-1", "pro-2"))
                .expectEvents(proposed("cand-1", "pro-2"));
    }

    @Test
    void candidateScheduledForAnotherSeatsOverlapIsNotProposed() {
        engagementSeats = List.of(seatHeldBy(SEAT, "pro-1", date("2025-01-06"), null),
                new SeatView("seat-2", "pro-3", "Alan Turing", date("2025-01-06"), date("2025-01-06"), null, true,
                        MONTHLY_RATE, List.of(), List.of(),
                        List.of(new SeatHolderView("pro-3", "Alan Turing", date("2025-01-06"), null)),
                        List.of(new SeatOverlap("rep-2", "pro-2", "Grace Hopper", date("2025-03-20"),
                                date("2025-03-26"), true)), "rep-2"));
        fixture.given(requested())
                .when(propose("cand-1", "pro-2"))
                .expectException(violationNaming(Kind.INVALID_INPUT, "one-seat-per-professional", "professionalId",
                        "seat-2"))
                .expectNoEvents();
    }

    @Test
    void candidateWhoTookAnotherSeatSinceTheProposalIsNotAccepted() {
        engagementSeats = List.of(seatHeldBy(SEAT, "pro-1", date("2025-01-06"), null),
                seatHeldBy("seat-2", "pro-2", date("2025-03-11"), null));
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectException(violationNaming(Kind.INVALID_INPUT, "one-seat-per-professional", "professionalId",
                        "seat-2"))
                .expectNoEvents();
    }

    @Test
    void candidateWhoLeavesAnotherSeatBeforeTheOverlapIsAccepted() {
        engagementSeats = List.of(seatHeldBy(SEAT, "pro-1", date("2025-01-06"), null),
                new SeatView("seat-2", "pro-2", "Grace Hopper", date("2025-01-06"), date("2025-01-06"),
                        date("2025-03-12"), true, MONTHLY_RATE, List.of(), List.of(),
                        List.of(new SeatHolderView("pro-2", "Grace Hopper", date("2025-01-06"), null)), List.of(),
                        null));
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(accept("cand-1", date("2025-03-12")))
                .expectEvents(accepted(date("2025-03-12"), date("2025-03-18")));
    }

    @Test
    void candidateIsNotProposedWhileTheEngagementsSeatsCannotBeRead() {
        engagementSeats = null;
        fixture.given(requested())
                .when(propose("cand-1", "pro-2"))
                .expectException(violation(Kind.UNAVAILABLE, "engagement-unavailable", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- WithdrawReplacement

    @Test
    void withdrawalBeforeAnyOverlapDayGivesTheFreeReplacementBack() {
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new WithdrawReplacement(ID, " the professional stays after all ", null))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, REQUESTED_ON,
                        "the professional stays after all", null, true))
                .expectResultMessagePayload(2L);
    }

    @Test
    void withdrawalReasonIsOptional() {
        fixture.given(requested())
                .when(new WithdrawReplacement(ID, "  ", null))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, REQUESTED_ON, null, null, true));
    }

    @Test
    void withdrawalReasonIsAtMost2000Characters() {
        fixture.given(requested())
                .when(new WithdrawReplacement(ID, "x".repeat(2001), null))
                .expectException(violation(Kind.INVALID_INPUT, "length", "reason"));
    }

    @Test
    void withdrawalOfAnAcceptedCandidateBeforeTheOverlapStartsGivesTheFreeReplacementBack() {
        at("2025-03-11");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new WithdrawReplacement(ID, null, null))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-11"), null, null, true));
    }

    @Test
    void withdrawalDuringTheOverlapKeepsTheDaysWorkedAndUsesTheFreeReplacement() {
        at("2025-03-14");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new WithdrawReplacement(ID, null, null))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-14"), null,
                        date("2025-03-13"), false));
    }

    @Test
    void withdrawalOfAnAttritionReplacementHasNoFreeReplacementToGiveBack() {
        fixture.given(requested(Eligibility.FREE, false, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC", null))
                .when(new WithdrawReplacement(ID, null, null))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, REQUESTED_ON, null, null, false));
    }

    @Test
    void withdrawalAfterAMissedSlaRecordsTheBreachAndFixesTheCredit() {
        at("2025-03-20");
        fixture.given(requested(), proposed("cand-1", "pro-2"))
                .when(new WithdrawReplacement(ID, null, null))
                .expectEvents(breached(SLA_DUE), credit(3, "1107.69", "EUR", date("2025-03-20")),
                        new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-20"), null, null, true));
    }

    @Test
    void withdrawalAfterALateAcceptanceGrantsNoSecondCredit() {
        at("2025-03-25");
        fixture.given(requested(), breached(SLA_DUE), proposed("cand-1", "pro-2"),
                        credit(3, "1107.69", "EUR", date("2025-03-20")),
                        accepted(date("2025-03-20"), date("2025-03-24"), date("2025-03-28")))
                .when(new WithdrawReplacement(ID, null, null))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-25"), null,
                        date("2025-03-24"), false));
    }

    @Test
    void withdrawalAfterTheSeatsLastDayCountsNoLateDayAfterIt() {
        at("2025-03-25");
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC",
                        date("2025-03-20")), breached(SLA_DUE))
                .when(new WithdrawReplacement(ID, null, null))
                .expectEvents(credit(3, "1107.69", "EUR", date("2025-03-25")),
                        new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-25"), null, null, true));
    }

    // ---------------------------------------------------------------- CloseForEndedEngagement

    @Test
    void endedEngagementWithdrawsAsOfItsEndAndCountsLateDaysUpToItsLastDayOnly() {
        at("2025-03-25");
        fixture.given(requested(), breached(SLA_DUE), proposed("cand-1", "pro-2"))
                .when(new CloseForEndedEngagement(ID, date("2025-03-20")))
                .expectEvents(credit(3, "1107.69", "EUR", date("2025-03-25")),
                        new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-21"),
                                "the engagement ended on 2025-03-20", null, true));
    }

    @Test
    void endedEngagementWhoseLastDayIsTheDueDateOwesNoBreach() {
        at("2025-03-25");
        fixture.given(requested())
                .when(new CloseForEndedEngagement(ID, SLA_DUE))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-18"),
                        "the engagement ended on 2025-03-17", null, true));
    }

    @Test
    void endedEngagementDuringTheOverlapKeepsTheDaysWorkedUpToItsLastDay() {
        at("2025-03-25");
        fixture.given(requested(), proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18")))
                .when(new CloseForEndedEngagement(ID, date("2025-03-14")))
                .expectEvents(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, date("2025-03-15"),
                        "the engagement ended on 2025-03-14", date("2025-03-14"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settled")
    void endedEngagementLeavesASettledReplacementAlone(String what, List<Object> history) {
        fixture.given(history)
                .when(new CloseForEndedEngagement(ID, date("2025-03-20")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void slaDeadlineRecordsNoBreachWhenTheSeatEndedByTheDueDate() {
        at("2025-03-18");
        fixture.given(requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC", SLA_DUE))
                .when(new RecordSlaBreach(ID))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settled")
    void withdrawingASettledReplacementIsRefused(String what, List<Object> history) {
        fixture.given(history)
                .when(new WithdrawReplacement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- histories

    static Stream<Arguments> openWithoutAcceptance() {
        return Stream.of(
                Arguments.of("requested", List.of(requested())),
                Arguments.of("candidate proposed", List.of(requested(), proposed("cand-1", "pro-2"))),
                Arguments.of("candidate rejected", List.of(requested(), proposed("cand-1", "pro-2"),
                        rejected("cand-1"))),
                Arguments.of("SLA breached", List.of(requested(), breached(SLA_DUE))));
    }

    static Stream<Arguments> settled() {
        return Stream.of(
                Arguments.of("completed", List.of(requested(), proposed("cand-1", "pro-2"),
                        accepted(date("2025-03-10"), date("2025-03-14")),
                        completed(date("2025-03-10"), null, true))),
                Arguments.of("withdrawn", List.of(requested(),
                        new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, REQUESTED_ON, null, null, true))));
    }

    static Stream<Arguments> settledHistories() {
        return Stream.concat(Stream.of(Arguments.of("candidate accepted", List.of(requested(),
                proposed("cand-1", "pro-2"), accepted(date("2025-03-12"), date("2025-03-18"))))), settled());
    }

    static Stream<Arguments> everyHistory() {
        return Stream.concat(openWithoutAcceptance(), settledHistories());
    }

    // ---------------------------------------------------------------- builders

    private void at(String day) {
        clock.moveTo(date(day).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static ReplacementRequested requested() {
        return requested(Eligibility.FREE, true, BillingModel.MONTHLY, MONTHLY_RATE, "EUR", "UTC", null);
    }

    private static ReplacementRequested requested(LocalDate requestedOn, LocalDate slaDueDate) {
        return new ReplacementRequested(ID, ENGAGEMENT, SEAT, ReplacementReason.NON_PERFORMANCE, null,
                Eligibility.FREE, "inside the window", true, requestedOn, slaDueDate, 5, 5, "UTC", "pro-1",
                "Ada Lovelace", date("2024-12-02"), date("2025-03-01"), null, BillingModel.MONTHLY, MONTHLY_RATE,
                "EUR");
    }

    private static ReplacementRequested requested(Eligibility eligibility, boolean usesFree, BillingModel model,
                                                  BigDecimal rate, String currency, String zone,
                                                  LocalDate seatLastDay) {
        return new ReplacementRequested(ID, ENGAGEMENT, SEAT, ReplacementReason.NON_PERFORMANCE, null, eligibility,
                "as decided", usesFree, REQUESTED_ON, SLA_DUE, 5, 5, zone, "pro-1", "Ada Lovelace",
                date("2025-01-06"), date("2025-04-05"), seatLastDay, model, rate, currency);
    }

    private static ProposeCandidate propose(String candidateId, String professionalId) {
        return new ProposeCandidate(ID, candidateId, professionalId, "Grace Hopper", null);
    }

    private static CandidateProposed proposed(String candidateId, String professionalId) {
        return new CandidateProposed(ID, ENGAGEMENT, SEAT, candidateId, professionalId, "Grace Hopper",
                REQUESTED_ON);
    }

    private static CandidateRejected rejected(String candidateId) {
        return new CandidateRejected(ID, ENGAGEMENT, SEAT, candidateId, "not enough Kotlin", REQUESTED_ON);
    }

    private static AcceptCandidate accept(String candidateId, LocalDate startDate) {
        return new AcceptCandidate(ID, candidateId, startDate, null);
    }

    private static CandidateAccepted accepted(LocalDate from, LocalDate to) {
        return accepted(REQUESTED_ON, from, to);
    }

    private static CandidateAccepted accepted(LocalDate acceptedOn, LocalDate from, LocalDate to) {
        return new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper", acceptedOn, from, to,
                true);
    }

    private static ReplacementCompleted completed(LocalDate on, LocalDate overlapTo, boolean early) {
        return new ReplacementCompleted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper", on, overlapTo,
                early);
    }

    private static ReplacementSlaBreached breached(LocalDate due) {
        return new ReplacementSlaBreached(ID, ENGAGEMENT, SEAT, due, due.plusDays(1));
    }

    private static ServiceCreditGranted credit(int days, String amount, String currency, LocalDate on) {
        return new ServiceCreditGranted(ID, ENGAGEMENT, SEAT, days, new BigDecimal(amount), currency, on);
    }

    private static SeatView seatHeldBy(String seatId, String professionalId, LocalDate from, LocalDate releaseDate) {
        return new SeatView(seatId, professionalId, "Someone", from, from, releaseDate, true, MONTHLY_RATE, List.of(),
                List.of(), List.of(new SeatHolderView(professionalId, "Someone", from, null)), List.of(), null);
    }

    private static Matcher<RuleViolation> violationNaming(Kind kind, String rule, String field, String named) {
        return org.hamcrest.Matchers.both(violation(kind, rule, field))
                .and(new TypeSafeDiagnosingMatcher<RuleViolation>(RuleViolation.class) {
                    @Override
                    protected boolean matchesSafely(RuleViolation actual, Description mismatch) {
                        mismatch.appendText("said ").appendValue(actual.getMessage());
                        return actual.getMessage().contains(named);
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText(" naming ").appendValue(named);
                    }
                });
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

}
