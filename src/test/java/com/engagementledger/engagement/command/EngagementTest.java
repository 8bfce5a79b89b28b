package com.engagementledger.engagement.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.containsString;

import com.engagementledger.engagement.api.AcceptTrial;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.WithdrawResume;
import com.engagementledger.engagement.api.WithdrawNotice;
import com.engagementledger.engagement.api.WithdrawSeatRelease;
import com.engagementledger.engagement.api.SeatReleaseWithdrawn;
import com.engagementledger.engagement.api.NoticeWithdrawn;
import com.engagementledger.engagement.api.WithdrawPause;
import com.engagementledger.engagement.api.ResumeWithdrawn;
import com.engagementledger.engagement.api.PauseWithdrawn;
import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CancelEngagement;
import com.engagementledger.engagement.api.EndEngagement;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementResumed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.RateChangeScheduled;
import com.engagementledger.engagement.api.RejectTrial;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.RateChangeWithdrawn;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatWithdrawn;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.engagement.api.TrialAccepted;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.engagement.api.WithdrawRateChange;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.time.ZoneId;
import com.engagementledger.platform.time.Today;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engagement aggregate against DESIGN.md §3. "Today" is 2025-03-10 in UTC and already 2025-03-11 in Auckland
 * (12:00 UTC is 01:00 NZDT the next day), so that a rule reading the date in the wrong zone shows.
 */
class EngagementTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final LocalDate TODAY_IN_AUCKLAND = LocalDate.of(2025, 3, 11);
    private static final String AUCKLAND = "Pacific/Auckland";

    private static final String ID = "eng-1";
    private static final EngagementTerms TERMS = terms("UTC");
    private static final EngagementTerms AUCKLAND_TERMS = terms(AUCKLAND);
    /** The same terms without a trial: only such a proposal is activated, so every active history uses these. */
    private static final EngagementTerms NO_TRIAL = terms("UTC", 30, 30, 0, 90, 2, 5, 5, 30);
    private static final EngagementTerms AUCKLAND_NO_TRIAL = terms(AUCKLAND, 30, 30, 0, 90, 2, 5, 5, 30);

    private static final NewSeat SEAT_1 = new NewSeat("seat-1", "pro-1", "Ada Lovelace", new BigDecimal("8000.00"),
            TODAY);
    private static final NewSeat SEAT_FROM_NOVEMBER = new NewSeat("seat-1", "pro-1", "Ada Lovelace",
            new BigDecimal("8000.00"), date("2024-11-01"));
    private static final NewSeat SEAT_2 = new NewSeat("seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.00"),
            TODAY);
    /** SEAT_1 starting on the proposal's day in Auckland, already the 11th there. */
    private static final NewSeat AUCKLAND_SEAT = new NewSeat("seat-1", "pro-1", "Ada Lovelace",
            new BigDecimal("8000.00"), TODAY_IN_AUCKLAND);
    /** A proposal made before today, so that a back-dated trial or activation can lie after it. */
    private static final LocalDate EARLIER_PROPOSAL = LocalDate.of(2025, 2, 20);

    private AggregateTestFixture<Engagement> fixture;
    /** The application clock the handlers read "today" from: fixed, but it can be moved forward between phases. */
    private TestClock clock;

    @BeforeEach
    void setUp() {
        clock = new TestClock(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new BackDatingWindow(31));
        fixture.registerInjectableResource(new ForwardDatingWindow(365));
        fixture.registerInjectableResource(new FakeReplacementRecords());
    }

    // ---------------------------------------------------------------- ProposeEngagement

    @Test
    void proposalIsDatedTodayAndReturnsTheEngagementId() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, SEAT_1, SEAT_2))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ID)
                .expectEvents(proposed(TERMS, SEAT_1, SEAT_2));
    }

    @Test
    void proposalInAucklandIsDatedByTheLocalDateNotTheUtcDate() {
        fixture.givenCurrentTime(NOW)
                .when(propose(AUCKLAND_TERMS, AUCKLAND_SEAT))
                .expectEvents(new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(AUCKLAND_SEAT), AUCKLAND_TERMS, TODAY_IN_AUCKLAND));
    }

    @Test
    void proposalStatesSeatRatesInTheCurrencysMinorUnit() {
        NewSeat wholeEuros = new NewSeat("seat-1", "pro-1", "Ada Lovelace", new BigDecimal("8000"), TODAY);
        NewSeat oneDecimal = new NewSeat("seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.5"), TODAY);
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, wholeEuros, oneDecimal))
                .expectEvents(proposed(TERMS, SEAT_1,
                        new NewSeat("seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.50"), TODAY)));
    }

    @Test
    void proposalInAZeroDecimalCurrencyKeepsWholeAmounts() {
        NewSeat yen = new NewSeat("seat-1", "pro-1", "Ada Lovelace", new BigDecimal("1200000"), TODAY);
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "Acme KK", "Backend engineer", "JPY",
                        BillingModel.HOURLY, List.of(yen), TERMS))
                .expectEvents(new EngagementProposed(ID, "client-1", "Acme KK", "Backend engineer", "JPY",
                        BillingModel.HOURLY, List.of(yen), TERMS, TODAY));
    }

    @Test
    void proposalWithoutAnEngagementIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(" ", "client-1", "Acme GmbH", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "required", "engagementId"))
                .expectNoEvents();
    }

    @Test
    void proposalWithoutAClientIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, null, "Acme GmbH", "Backend engineer", "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "required", "clientId"))
                .expectExceptionMessage("clientId: must not be blank")
                .expectNoEvents();
    }

    @Test
    void proposalWithABlankClientNameIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "", "Backend engineer", "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "required", "clientName"))
                .expectNoEvents();
    }

    @Test
    void proposalWithoutARoleTitleIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "Acme GmbH", null, "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "required", "roleTitle"))
                .expectNoEvents();
    }

    @Test
    void proposalWithATextLongerThan200CharactersIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "A".repeat(201), "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.INVALID_INPUT, "length", "clientName"))
                .expectExceptionMessage("is longer than 200 characters")
                .expectNoEvents();
    }

    @Test
    void proposalWithATextOfExactly200CharactersIsAccepted() {
        String name = "A".repeat(200);
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", name, "Backend engineer", "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectEvents(new EngagementProposed(ID, "client-1", name, "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(SEAT_1), TERMS, TODAY));
    }

    @Test
    void proposalInAnUnknownCurrencyIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(proposeIn("ABC"))
                .expectException(violation(Kind.INVALID_INPUT, "currency", "currency"))
                .expectExceptionMessage("'ABC' is not an ISO 4217 currency code")
                .expectNoEvents();
    }

    @Test
    void proposalWithALowercaseCurrencyCodeIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(proposeIn("eur"))
                .expectException(violation(Kind.INVALID_INPUT, "currency", "currency"))
                .expectNoEvents();
    }

    @Test
    void proposalInACurrencyWithoutAMinorUnitIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(proposeIn("XXX"))
                .expectException(violation(Kind.INVALID_INPUT, "currency", "currency"))
                .expectExceptionMessage("XXX has no minor unit and cannot price work")
                .expectNoEvents();
    }

    @Test
    void proposalWithoutABillingModelIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", null,
                        List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.INVALID_INPUT, "required", "billingModel"))
                .expectNoEvents();
    }

    @Test
    void proposalWithoutTermsIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(null, SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "required", "terms"))
                .expectNoEvents();
    }

    @Test
    void proposalInAnUnknownTimeZoneIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(terms("Mars/Olympus_Mons"), SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "time-zone", "terms.timeZone"))
                .expectExceptionMessage(containsString("'Mars/Olympus_Mons' is not a time zone"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "time zone {0} is refused")
    @ValueSource(strings = {"+18:00", "-05:00", "UTC+14", "GMT0", "Z", "UT", "GMT", "Etc/GMT+5", "Etc/UTC",
            "EST", "SystemV/EST5", "europe/berlin"})
    void proposalInAFixedOffsetIsRefusedWithAHint(String timeZone) {
        fixture.givenCurrentTime(NOW)
                .when(propose(terms(timeZone), SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "time-zone", "terms.timeZone"))
                .expectExceptionMessage("'" + timeZone + "' is not a time zone: give UTC or a region such as"
                        + " Europe/Berlin or America/New_York, not a fixed offset")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "time zone {0} is accepted")
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata"})
    void proposalInUtcOrARegionIsAccepted(String timeZone) {
        fixture.givenCurrentTime(NOW)
                .when(propose(terms(timeZone, 30, 30, 14, 90, 2, 5, 5, 30), new NewSeat("seat-1", "pro-1",
                        "Ada Lovelace", new BigDecimal("8000.00"), Today.in(clock, ZoneId.of(timeZone)))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void proposalWithoutATimeZoneIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(terms(null), SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "time-zone", "terms.timeZone"))
                .expectNoEvents();
    }

    @Test
    void proposalWithoutABillingCycleIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(new EngagementTerms("UTC", null, 30, 30, 14, 90, 2, 5, 5, 30, IpTrigger.ON_PAYMENT),
                        SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "required", "terms.billingCycle"))
                .expectNoEvents();
    }

    @Test
    void proposalWithoutAnIpTriggerIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 14, 90, 2, 5, 5, 30, null),
                        SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "required", "terms.ipTrigger"))
                .expectNoEvents();
    }

    static Stream<Arguments> termsOutOfBounds() {
        return Stream.of(
                Arguments.of("terms.paymentTermsDays", 0, -1),
                Arguments.of("terms.paymentTermsDays", 0, 366),
                Arguments.of("terms.noticePeriodDays", 1, -1),
                Arguments.of("terms.noticePeriodDays", 1, 366),
                Arguments.of("terms.trialDays", 2, -1),
                Arguments.of("terms.trialDays", 2, 366),
                Arguments.of("terms.guaranteeWindowDays", 3, -1),
                Arguments.of("terms.guaranteeWindowDays", 3, 3651),
                Arguments.of("terms.freeReplacementsPerSeat", 4, -1),
                Arguments.of("terms.freeReplacementsPerSeat", 4, 101),
                Arguments.of("terms.replacementSlaBusinessDays", 5, 0),
                Arguments.of("terms.replacementSlaBusinessDays", 5, 261),
                Arguments.of("terms.overlapBusinessDays", 6, -1),
                Arguments.of("terms.overlapBusinessDays", 6, 261),
                Arguments.of("terms.rateChangeNoticeDays", 7, -1),
                Arguments.of("terms.rateChangeNoticeDays", 7, 366));
    }

    @ParameterizedTest(name = "{0} = {2} is refused")
    @MethodSource("termsOutOfBounds")
    void proposalWithATermOutsideItsBoundsIsRefused(String field, int position, int value) {
        int[] periods = {30, 30, 14, 90, 2, 5, 5, 30};
        periods[position] = value;
        fixture.givenCurrentTime(NOW)
                .when(propose(terms("UTC", periods), SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "range", field))
                .expectExceptionMessage(containsString("was " + value))
                .expectNoEvents();
    }

    @Test
    void proposalWithEveryTermAtItsLowerBoundIsAccepted() {
        EngagementTerms lowest = terms("UTC", 0, 0, 0, 0, 0, 1, 0, 0);
        fixture.givenCurrentTime(NOW)
                .when(propose(lowest, SEAT_1))
                .expectEvents(proposed(lowest, SEAT_1));
    }

    @Test
    void proposalWithEveryTermAtItsUpperBoundIsAccepted() {
        EngagementTerms highest = terms("UTC", 365, 365, 365, 3650, 100, 260, 260, 365);
        fixture.givenCurrentTime(NOW)
                .when(propose(highest, SEAT_1))
                .expectEvents(proposed(highest, SEAT_1));
    }

    @Test
    void aRateChangeNoticeLongerThanTheForwardDatingWindowIsRefusedSoThatRateChangesStayPossible() {
        AggregateTestFixture<Engagement> fiftyDays = new AggregateTestFixture<>(Engagement.class);
        fiftyDays.registerInjectableResource(clock);
        fiftyDays.registerInjectableResource(new BackDatingWindow(31));
        fiftyDays.registerInjectableResource(new ForwardDatingWindow(50));
        fiftyDays.givenCurrentTime(NOW)
                .when(propose(terms("UTC", 30, 30, 0, 90, 2, 5, 5, 60), SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", "terms.rateChangeNoticeDays"))
                .expectExceptionMessage("must be at most 50 days, the forward-dating window, was 60: no rate change"
                        + " could ever be dated that far ahead")
                .expectNoEvents();
        fiftyDays.givenCurrentTime(NOW)
                .when(propose(terms("UTC", 30, 60, 0, 90, 2, 5, 5, 30), SEAT_1))
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", "terms.noticePeriodDays"))
                .expectNoEvents();
        fiftyDays.givenCurrentTime(NOW)
                .when(propose(terms("UTC", 30, 50, 0, 90, 2, 5, 5, 50), SEAT_1))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void proposalWithoutSeatsIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS))
                .expectException(violation(Kind.INVALID_INPUT, "not-empty", "seats"))
                .expectExceptionMessage("an engagement starts with at least one seat")
                .expectNoEvents();
    }

    @Test
    void proposalWithANullSeatListIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, null, TERMS))
                .expectException(violation(Kind.INVALID_INPUT, "not-empty", "seats"))
                .expectNoEvents();
    }

    @Test
    void proposalWithAMissingSeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, Arrays.asList(SEAT_1, null), TERMS))
                .expectException(violation(Kind.INVALID_INPUT, "required", "seats[1]"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithoutASeatIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, new NewSeat(" ", "pro-1", "Ada Lovelace", new BigDecimal("8000"), TODAY)))
                .expectException(violation(Kind.MALFORMED, "required", "seats[0].seatId"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithoutAProfessionalIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, SEAT_1, new NewSeat("seat-2", null, "Grace Hopper", BigDecimal.TEN, TODAY)))
                .expectException(violation(Kind.MALFORMED, "required", "seats[1].professionalId"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithoutAProfessionalNameIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, new NewSeat("seat-1", "pro-1", "", new BigDecimal("8000"), TODAY)))
                .expectException(violation(Kind.MALFORMED, "required", "seats[0].professionalName"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithoutAStartDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, new NewSeat("seat-1", "pro-1", "Ada Lovelace", new BigDecimal("8000"), null)))
                .expectException(violation(Kind.INVALID_INPUT, "required", "seats[0].startDate"))
                .expectNoEvents();
    }

    @Test
    void proposalWithARepeatedSeatIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, SEAT_1,
                        new NewSeat("seat-1", "pro-2", "Grace Hopper", new BigDecimal("7000"), TODAY)))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "seats[1].seatId"))
                .expectExceptionMessage("seat id seat-1 repeats")
                .expectNoEvents();
    }

    @Test
    void proposalWithOneProfessionalInTwoSeatsIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, SEAT_1,
                        new NewSeat("seat-2", "pro-1", "Ada Lovelace", new BigDecimal("7000"), TODAY)))
                .expectException(violation(Kind.INVALID_INPUT, "one-seat-per-professional",
                        "seats[1].professionalId"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithoutARateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, new NewSeat("seat-1", "pro-1", "Ada Lovelace", null, TODAY)))
                .expectException(violation(Kind.INVALID_INPUT, "required", "seats[0].rate"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithAZeroRateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, new NewSeat("seat-1", "pro-1", "Ada Lovelace", BigDecimal.ZERO, TODAY)))
                .expectException(violation(Kind.INVALID_INPUT, "positive", "seats[0].rate"))
                .expectNoEvents();
    }

    @Test
    void proposedSeatWithMoreDecimalsThanTheCurrencyHasIsRefused() {
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, new NewSeat("seat-1", "pro-1", "Ada Lovelace", new BigDecimal("80.125"),
                        TODAY)))
                .expectException(violation(Kind.INVALID_INPUT, "minor-unit", "seats[0].rate"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- StartTrial and the trial lapse

    @Test
    void trialStartsOnItsStartDateAndLastsTheTrialDays() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2025-03-12"), null))
                .expectResultMessagePayload(1L)
                .expectEvents(new TrialStarted(ID, date("2025-03-12"), date("2025-03-25")))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-26T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void trialWithoutAStartDateStartsToday() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new StartTrial(ID, null, null))
                .expectEvents(new TrialStarted(ID, TODAY, date("2025-03-23")))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-24T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void trialOfOneDayEndsOnTheDayItStarts() {
        EngagementTerms oneDay = terms("UTC", 30, 30, 1, 90, 2, 5, 5, 30);
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(oneDay, SEAT_1))
                .when(new StartTrial(ID, null, null))
                .expectEvents(new TrialStarted(ID, TODAY, TODAY))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-11T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void trialInAucklandStartsOnTheLocalDateAndLapsesAtLocalMidnight() {
        // The trial's last day is 2025-03-24; the day after begins at 00:00 NZDT (UTC+13), 11:00 UTC the day before.
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(AUCKLAND_TERMS, SEAT_1))
                .when(new StartTrial(ID, null, null))
                .expectEvents(new TrialStarted(ID, TODAY_IN_AUCKLAND, date("2025-03-24")))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-24T11:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void trialIsRefusedWhenTheTermsHaveNoTrial() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1))
                .when(new StartTrial(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "no-trial", null))
                .expectExceptionMessage("The terms of this engagement have no trial; activate it instead")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void trialWhoseLastDayIsTodayMayStillStart() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2025-02-25"), null))
                .expectEvents(new TrialStarted(ID, date("2025-02-25"), TODAY))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-11T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void trialThatWouldAlreadyHaveEndedIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2025-02-24"), null))
                .expectException(violation(Kind.INVALID_INPUT, "trial-already-over", "startDate"))
                .expectExceptionMessage("a 14-day trial from 2025-02-24 would have ended on 2025-03-09, before today"
                        + " (2025-03-10)")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void trialThatWouldAlreadyHaveEndedInAucklandIsRefusedEvenIfItRunsTodayInUtc() {
        // Its last day 2025-03-10 is still today in UTC, but Auckland is already on 2025-03-11.
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, AUCKLAND_TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2025-02-25"), null))
                .expectException(violation(Kind.INVALID_INPUT, "trial-already-over", "startDate"))
                .expectExceptionMessage(containsString("before today (2025-03-11)"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void startingASecondTrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY))
                .when(new StartTrial(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot start a trial: the engagement is TRIAL (only when PROPOSED)")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void startingATrialOnAnActiveEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new StartTrial(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void trialLapsesIntoAcceptanceTheDayAfterItsLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-03-24T00:00:00Z"))
                .expectTriggeredDeadlinesWithName(Engagement.TRIAL_LAPSES)
                .expectEventsMatching(exactSequenceOf(
                        event(new TrialAccepted(ID, date("2025-03-24"), true),
                                "the trial ended on 2025-03-23 without a decision and the client kept working"
                                        + " with the professionals"),
                        andNoMore()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void trialDoesNotLapseDuringItsLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-03-23T23:59:59Z"))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-24T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void trialInAucklandLapsesOnTheLocalDayAfterItsLastDay() {
        // 2025-03-24T11:00Z is 2025-03-25 00:00 in Auckland while it is still 2025-03-24 in UTC.
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(AUCKLAND_TERMS, AUCKLAND_SEAT), new StartTrial(ID, null, null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-03-24T11:00:00Z"))
                .expectTriggeredDeadlinesWithName(Engagement.TRIAL_LAPSES)
                .expectEvents(new TrialAccepted(ID, date("2025-03-25"), true));
    }

    @Test
    void lapseThatFindsTheTrialAlreadyDecidedChangesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null))
                // decided without the deadline being cancelled, e.g. a lapse already queued when the client rejected
                .andGiven(new TrialRejected(ID, date("2025-03-20"), "not a fit"))
                .whenThenTimeAdvancesTo(Instant.parse("2025-03-24T00:00:00Z"))
                .expectTriggeredDeadlinesWithName(Engagement.TRIAL_LAPSES)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- AcceptTrial

    @Test
    void acceptingTheTrialActivatesTheEngagementTodayAndCancelsTheLapse() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, TERMS, SEAT_1))
                .andGivenCommands(new StartTrial(ID, date("2025-03-01"), null))
                .when(new AcceptTrial(ID, null))
                .expectResultMessagePayload(2L)
                .expectEvents(new TrialAccepted(ID, TODAY, false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void acceptedTrialNeverLapses() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null), new AcceptTrial(ID, null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-04-30T00:00:00Z"))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void trialAcceptedInAucklandIsDatedByTheLocalDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(AUCKLAND_TERMS, SEAT_1), trialStarted(date("2025-03-05")))
                .when(new AcceptTrial(ID, null))
                .expectEvents(new TrialAccepted(ID, TODAY_IN_AUCKLAND, false));
    }

    @Test
    void acceptingATrialOnAnActiveEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AcceptTrial(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot accept the trial: the engagement is ACTIVE (only when TRIAL)")
                .expectNoEvents();
    }

    @Test
    void acceptingTheTrialOfAProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new AcceptTrial(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void acceptingARejectedTrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(date("2025-03-01")),
                        new TrialRejected(ID, date("2025-03-05"), null))
                .when(new AcceptTrial(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void acceptingATrialBeforeItStartsIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY.plusDays(3)))
                .when(new AcceptTrial(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-not-started", null))
                .expectExceptionMessage("The trial starts on 2025-03-13; it can be accepted from that day"
                        + " (or rejected before it)")
                .expectNoEvents();
    }

    @Test
    void rejectingATrialBeforeItStartsIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY.plusDays(3)))
                .when(new RejectTrial(ID, "the client changed plans", null))
                .expectEvents(new TrialRejected(ID, TODAY, "the client changed plans"));
    }

    @Test
    void pauseBeforeTheEngagementStartsIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1), new EngagementActivated(ID, TODAY.plusDays(20)))
                .when(new PauseEngagement(ID, TODAY.plusDays(5), null))
                .expectException(violation(Kind.INVALID_INPUT, "before-start", "pauseDate"))
                .expectExceptionMessage("the engagement is billed from 2025-03-30; a pause starts on that day or"
                        + " later, not 2025-03-15")
                .expectNoEvents();
    }

    @Test
    void pauseOnTheDayTheEngagementStartsIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1), new EngagementActivated(ID, TODAY.plusDays(20)))
                .when(new PauseEngagement(ID, TODAY.plusDays(20), null))
                .expectEvents(new EngagementPaused(ID, TODAY.plusDays(20)));
    }

    @Test
    void trialCanBeAcceptedOnItsLastDay() {
        TestExecutor<Engagement> inTrial = fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null));
        clock.moveTo(Instant.parse("2025-03-23T23:59:59Z"));
        inTrial.when(new AcceptTrial(ID, null))
                .expectEvents(new TrialAccepted(ID, date("2025-03-23"), false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void acceptingATrialAfterItsLastDayIsRefusedAndLeavesItToTheLapse() {
        TestExecutor<Engagement> inTrial = fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null));
        // the application clock passes the last day before the scheduler got round to the lapse
        clock.moveTo(Instant.parse("2025-03-24T08:00:00Z"));
        inTrial.when(new AcceptTrial(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-lapsed", null))
                .expectExceptionMessage("The trial ended on 2025-03-23 without a decision, so it was accepted by"
                        + " itself on 2025-03-24")
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-24T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void acceptingATrialInAucklandAfterItsLocalLastDayIsRefused() {
        // The last day 2025-03-10 is still today in UTC, but Auckland is already on 2025-03-11.
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(AUCKLAND_TERMS, SEAT_1), trialStarted(date("2025-02-25")))
                .when(new AcceptTrial(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-lapsed", null))
                .expectExceptionMessage(containsString("accepted by itself on 2025-03-11"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- RejectTrial

    @Test
    void rejectingTheTrialRecordsTheReasonAndCancelsTheLapse() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, TERMS, SEAT_1))
                .andGivenCommands(new StartTrial(ID, date("2025-03-01"), null))
                .when(new RejectTrial(ID, "  not the right seniority  ", null))
                .expectResultMessagePayload(2L)
                .expectEvents(new TrialRejected(ID, TODAY, "not the right seniority"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectedTrialNeverLapses() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null),
                        new RejectTrial(ID, "not a fit", null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-04-30T00:00:00Z"))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void rejectionWithABlankReasonRecordsNoReason() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(date("2025-03-01")))
                .when(new RejectTrial(ID, "   ", null))
                .expectEvents(new TrialRejected(ID, TODAY, null));
    }

    @Test
    void rejectingTheTrialOfAProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new RejectTrial(ID, "not a fit", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage(containsString("Cannot reject the trial: the engagement is PROPOSED"))
                .expectNoEvents();
    }

    @Test
    void rejectingATrialAlreadyAcceptedIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(date("2025-03-01")),
                        new TrialAccepted(ID, date("2025-03-05"), false))
                .when(new RejectTrial(ID, "changed our mind", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void trialCanBeRejectedOnItsLastDay() {
        TestExecutor<Engagement> inTrial = fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null));
        clock.moveTo(Instant.parse("2025-03-23T23:59:59Z"));
        inTrial.when(new RejectTrial(ID, "not a fit", null))
                .expectEvents(new TrialRejected(ID, date("2025-03-23"), "not a fit"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejectingATrialAfterItsLastDayIsRefusedAndLeavesItToTheLapse() {
        TestExecutor<Engagement> inTrial = fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(TERMS, SEAT_1), new StartTrial(ID, TODAY, null));
        clock.moveTo(Instant.parse("2025-03-24T08:00:00Z"));
        inTrial.when(new RejectTrial(ID, "not a fit", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-lapsed", null))
                .expectExceptionMessage("The trial ended on 2025-03-23 without a decision, so it was accepted by"
                        + " itself on 2025-03-24")
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-24T00:00:00Z"), Engagement.TRIAL_LAPSES);
    }

    @Test
    void rejectingATrialInAucklandAfterItsLocalLastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(AUCKLAND_TERMS, SEAT_1), trialStarted(date("2025-02-25")))
                .when(new RejectTrial(ID, "not a fit", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-lapsed", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- ActivateEngagement

    @Test
    void activatingAProposalWithoutATrialMakesItActiveFromTheActivationDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2025-04-01"), null))
                .expectResultMessagePayload(1L)
                .expectEvents(new EngagementActivated(ID, date("2025-04-01")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void activationWithoutADateIsEffectiveTodayInTheEngagementsZone() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(AUCKLAND_NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, null, null))
                .expectEvents(new EngagementActivated(ID, TODAY_IN_AUCKLAND));
    }

    @Test
    void activatingAProposalWithATrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new ActivateEngagement(ID, date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-required", null))
                .expectExceptionMessage("The terms of this engagement have a 14-day trial: start the trial; only a"
                        + " proposal without a trial is activated")
                .expectNoEvents();
    }

    @Test
    void activatingAProposalWithAOneDayTrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(terms("UTC", 30, 30, 1, 90, 2, 5, 5, 30), SEAT_1))
                .when(new ActivateEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "trial-required", null))
                .expectExceptionMessage(containsString("have a 1-day trial"))
                .expectNoEvents();
    }

    @Test
    void activatingAnEngagementInTrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY))
                .when(new ActivateEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot activate: the engagement is TRIAL (only when PROPOSED)")
                .expectNoEvents();
    }

    @Test
    void activatingAnActiveEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void activatingACancelledProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1), new EngagementCancelled(ID, TODAY, null))
                .when(new ActivateEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- AddSeat

    @Test
    void addingASeatRecordsItFromItsStartDateWithItsRateInTheMinorUnit() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AddSeat(ID, "seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000"), date("2025-04-01"),
                        null))
                .expectResultMessagePayload(2L)
                .expectEvents(new SeatAdded(ID, "seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.00"),
                        date("2025-04-01")));
    }

    @Test
    void seatCanBeAddedToAProposal() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(addSeat("seat-2", "pro-2", TODAY))
                .expectEvents(seatAdded("seat-2", "pro-2", TODAY));
    }

    @Test
    void seatCanBeAddedDuringTheTrial() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY))
                .when(addSeat("seat-2", "pro-2", TODAY))
                .expectEvents(seatAdded("seat-2", "pro-2", TODAY));
    }

    @Test
    void seatCanBeAddedWhilePaused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, TODAY))
                .when(addSeat("seat-2", "pro-2", date("2025-04-01")))
                .expectEvents(seatAdded("seat-2", "pro-2", date("2025-04-01")));
    }

    @Test
    void seatStartingOnTheLastDayOfANoticeIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(addSeat("seat-2", "pro-2", date("2025-04-30")))
                .expectEvents(seatAdded("seat-2", "pro-2", date("2025-04-30")));
    }

    @Test
    void seatStartingAfterTheLastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(addSeat("seat-2", "pro-2", date("2025-05-01")))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "startDate"))
                .expectExceptionMessage(containsString("the engagement's last day is 2025-04-30"))
                .expectNoEvents();
    }

    @Test
    void seatWithAnIdAlreadyInUseIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(addSeat("seat-1", "pro-2", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "seatId"))
                .expectExceptionMessage("seat seat-1 already exists")
                .expectNoEvents();
    }

    @Test
    void seatForAProfessionalWhoStillFillsAnotherSeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-1", date("2025-04-01")))
                .when(addSeat("seat-3", "pro-1", date("2025-03-31")))
                .expectException(violation(Kind.INVALID_INPUT, "one-seat-per-professional", "professionalId"))
                .expectExceptionMessage("professional pro-1 already fills seat seat-1")
                .expectNoEvents();
    }

    @Test
    void professionalCanFillANewSeatFromTheDayTheirOldSeatIsReleased() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-1", date("2025-04-01")))
                .when(addSeat("seat-3", "pro-1", date("2025-04-01")))
                .expectEvents(seatAdded("seat-3", "pro-1", date("2025-04-01")));
    }

    @Test
    void seatWithoutASeatIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(addSeat(null, "pro-2", TODAY))
                .expectException(violation(Kind.MALFORMED, "required", "seatId"))
                .expectNoEvents();
    }

    @Test
    void seatWithoutAProfessionalIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(addSeat("seat-2", " ", TODAY))
                .expectException(violation(Kind.MALFORMED, "required", "professionalId"))
                .expectNoEvents();
    }

    @Test
    void seatWithoutAProfessionalNameIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AddSeat(ID, "seat-2", "pro-2", null, new BigDecimal("7000"), TODAY, null))
                .expectException(violation(Kind.MALFORMED, "required", "professionalName"))
                .expectNoEvents();
    }

    @Test
    void seatWithAProfessionalIdLongerThan200CharactersIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(addSeat("seat-2", "p".repeat(201), TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "length", "professionalId"))
                .expectNoEvents();
    }

    @Test
    void seatWithoutAStartDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(addSeat("seat-2", "pro-2", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "startDate"))
                .expectNoEvents();
    }

    @Test
    void seatWithoutARateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AddSeat(ID, "seat-2", "pro-2", "Grace Hopper", null, TODAY, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "rate"))
                .expectNoEvents();
    }

    @Test
    void seatWithANegativeRateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AddSeat(ID, "seat-2", "pro-2", "Grace Hopper", new BigDecimal("-1.00"), TODAY, null))
                .expectException(violation(Kind.INVALID_INPUT, "positive", "rate"))
                .expectExceptionMessage("must be greater than zero, was -1.00")
                .expectNoEvents();
    }

    @Test
    void seatRatedBelowTheCurrencysMinorUnitIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AddSeat(ID, "seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.001"), TODAY, null))
                .expectException(violation(Kind.INVALID_INPUT, "minor-unit", "rate"))
                .expectNoEvents();
    }

    @Test
    void seatCannotBeAddedToAnEndedEngagement() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, date("2025-01-01"), date("2025-02-28"), false, null),
                        new EngagementEnded(ID, date("2025-02-28"), date("2025-03-01"), true))
                .when(addSeat("seat-2", "pro-2", TODAY))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage(
                        "Cannot add a seat: the engagement is ENDED (only while it is PROPOSED or running)")
                .expectNoEvents();
    }

    @Test
    void seatCannotBeAddedToACancelledProposal() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), new EngagementCancelled(ID, TODAY, null))
                .when(addSeat("seat-2", "pro-2", TODAY))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void seatCannotBeAddedAfterTheTrialWasRejected() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(date("2025-03-01")),
                        new TrialRejected(ID, TODAY, null))
                .when(addSeat("seat-2", "pro-2", TODAY))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- ReleaseSeat

    @Test
    void releasingASeatRecordsItsFirstUnbilledDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-04-01"), null))
                .expectResultMessagePayload(2L)
                .expectEvents(new SeatReleased(ID, "seat-2", date("2025-04-01")));
    }

    @Test
    void seatCanBeReleasedTheDayAfterItStarts() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", TODAY.plusDays(1), null))
                .expectEvents(new SeatReleased(ID, "seat-2", TODAY.plusDays(1)));
    }

    @Test
    void seatCanBeReleasedFromAProposal() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-1", date("2025-04-01"), null))
                .expectEvents(new SeatReleased(ID, "seat-1", date("2025-04-01")));
    }

    @Test
    void releasingASeatOnItsStartDateWithdrawsIt() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", TODAY, null))
                .expectResultMessagePayload(2L)
                .expectEvents(new SeatWithdrawn(ID, "seat-2", TODAY));
    }

    @Test
    void releasingAFutureSeatBeforeItStartsWithdrawsIt() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-03-20"), null))
                .expectEvents(new SeatWithdrawn(ID, "seat-2", TODAY));
    }

    @Test
    void releasingASeatOnTheFirstBilledDayWithdrawsItEvenIfItStartedEarlier() {
        // proposed from today, activated from the 20th: released on the 20th, no day of it was billed
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1, SEAT_2), new EngagementActivated(ID, date("2025-03-20")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-03-20"), null))
                .expectEvents(new SeatWithdrawn(ID, "seat-2", TODAY));
    }

    @Test
    void withdrawnSeatCanNoLongerBeReleased() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-04-01")), new SeatWithdrawn(ID, "seat-2", TODAY))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-05-01"), null))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "seatId"))
                .expectNoEvents();
    }

    @Test
    void withdrawingTheOnlySeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new ReleaseSeat(ID, "seat-1", TODAY, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "last-seat", null))
                .expectExceptionMessage("Seat seat-1 is the engagement's last seat from 2025-03-10; give notice to"
                        + " end the engagement (or cancel the proposal), or add the seat that replaces it first")
                .expectNoEvents();
    }

    @Test
    void withdrawingAFutureSeatThatWouldLeaveItsDaysWithoutASeatIsRefused() {
        // seat-1 ends on the 1st of April; without seat-2 nobody would be billed from then on
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-03-20")),
                        new SeatReleased(ID, "seat-1", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-03-20"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "last-seat", null))
                .expectNoEvents();
    }

    @Test
    void releasingASeatBeforeTheFirstBilledDayWithdrawsIt() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, NO_TRIAL, SEAT_1, SEAT_2), new EngagementActivated(ID, TODAY))
                .when(new ReleaseSeat(ID, "seat-2", TODAY.minusDays(1), null))
                .expectEvents(new SeatWithdrawn(ID, "seat-2", TODAY));
    }

    @Test
    void releasingASeatAfterItsStartButBeforeTheTrialStartsWithdrawsIt() {
        // proposed today, seat-2 from the 12th, the trial from the 15th: released on the 13th, it was never billed
        NewSeat later = new NewSeat("seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.00"), date("2025-03-12"));
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1, later), new TrialStarted(ID, date("2025-03-15"), date("2025-03-28")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-03-13"), null))
                .expectEvents(new SeatWithdrawn(ID, "seat-2", TODAY));
    }

    @Test
    void releasingASeatBeforeTheProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", TODAY.minusDays(1), null))
                .expectException(violation(Kind.INVALID_INPUT, "before-proposal", "releaseDate"))
                .expectNoEvents();
    }

    @Test
    void releasingTheLastSeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ReleaseSeat(ID, "seat-1", date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "last-seat", null))
                .expectExceptionMessage("Seat seat-1 is the engagement's last seat from 2025-04-01; give notice to"
                        + " end the engagement, or add the seat that replaces it first")
                .expectNoEvents();
    }

    @Test
    void releasingTheLastSeatStillBilledOnTheReleaseDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-1", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-05-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "last-seat", null))
                .expectNoEvents();
    }

    @Test
    void seatCanBeReleasedWhileAnotherSeatIsBilledAfterTheReleaseDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-05-01"), null))
                .expectEvents(new SeatReleased(ID, "seat-2", date("2025-05-01")));
    }

    @Test
    void releasingTheSeatThatOutlastsTheOthersIsReleasingTheLastSeat() {
        // one policy with withdrawals: seat-2 covered the engagement beyond 1 June, nobody would from then on
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-1", date("2025-06-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-05-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "last-seat", null))
                .expectNoEvents();
    }

    @Test
    void aReleaseThatLeavesDaysWithoutAnySeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-05-01")))
                .when(new ReleaseSeat(ID, "seat-1", date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-gap", null))
                .expectExceptionMessage("Without seat seat-1 no seat is billed from 2025-04-01 to 2025-04-30; add a"
                        + " seat for those days first, or release it later")
                .expectNoEvents();
    }

    @Test
    void aWithdrawalThatLeavesDaysWithoutAnySeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-04-01")),
                        new SeatAdded(ID, "seat-3", "pro-3", "Alan Turing", new BigDecimal("6000.00"),
                                date("2025-05-01")),
                        new SeatReleased(ID, "seat-1", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-gap", null))
                .expectNoEvents();
    }

    @Test
    void aReleaseWhoseDaysAnotherSeatCoversIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-1", date("2025-04-01"), null))
                .expectEvents(new SeatReleased(ID, "seat-1", date("2025-04-01")));
    }

    @Test
    void aReleaseAfterTheNoticesLastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-05-01"), null))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "releaseDate"))
                .expectNoEvents();
    }

    @Test
    void releasingASeatTwiceIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-05-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-released", null))
                .expectExceptionMessage("Seat seat-2 was already released from 2025-04-01; withdraw the release first"
                        + " to release it on another day")
                .expectNoEvents();
    }

    @Test
    void aSecondReleaseOnAnEarlierDaySaysToWithdrawTheFirst() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-03-20"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "seat-released", null))
                .expectExceptionMessage("Seat seat-2 was already released from 2025-04-01; withdraw the release first"
                        + " to release it on another day")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- WithdrawSeatRelease

    @Test
    void aPlannedReleaseIsWithdrawnAndTheSeatCanBeReleasedOnAnotherDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-01")))
                .when(new WithdrawSeatRelease(ID, "seat-2", "  extended  ", null))
                .expectEvents(new SeatReleaseWithdrawn(ID, "seat-2", date("2025-04-01"), TODAY, "extended"));
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-01")),
                        new SeatReleaseWithdrawn(ID, "seat-2", date("2025-04-01"), TODAY, null))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-03-20"), null))
                .expectEvents(new SeatReleased(ID, "seat-2", date("2025-03-20")));
    }

    @Test
    void aReleaseWithinTheBackDatingWindowIsWithdrawnAnOlderOneStays() {
        NewSeat secondFromNovember = new NewSeat("seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.00"),
                date("2024-11-01"));
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_FROM_NOVEMBER, secondFromNovember),
                        new EngagementActivated(ID, date("2024-11-01")),
                        new SeatReleased(ID, "seat-2", date("2025-02-07")))
                .when(new WithdrawSeatRelease(ID, "seat-2", null, null))
                .expectEvents(new SeatReleaseWithdrawn(ID, "seat-2", date("2025-02-07"), TODAY, null));
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_FROM_NOVEMBER, secondFromNovember),
                        new EngagementActivated(ID, date("2024-11-01")),
                        new SeatReleased(ID, "seat-2", date("2025-02-06")))
                .when(new WithdrawSeatRelease(ID, "seat-2", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "release-in-effect", null))
                .expectExceptionMessage("Seat seat-2 was released from 2025-02-06, more than 31 days before today"
                        + " (2025-03-10), the back-dating window; add a new seat for the professional instead")
                .expectNoEvents();
    }

    @Test
    void withdrawingTheReleaseOfASeatThatIsNotReleasedIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new WithdrawSeatRelease(ID, "seat-2", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-released", null))
                .expectExceptionMessage("Seat seat-2 is not released")
                .expectNoEvents();
    }

    @Test
    void aReleaseIsNotWithdrawnUnderNoticeWhileTheSeatHasARateChangeAfterTheLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-01")),
                        new RateChangeScheduled(ID, "seat-2", new BigDecimal("7500.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new NoticeGiven(ID, TODAY, date("2025-04-20"), false, null))
                .when(new WithdrawSeatRelease(ID, "seat-2", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "scheduled-after-last-day", null))
                .expectExceptionMessage("Seat seat-2 has rate change rc-7 effective 2025-05-01, after the notice's last"
                        + " day 2025-04-20; withdraw it first")
                .expectNoEvents();
    }

    @Test
    void aReleaseIsNotWithdrawnWhileItsProfessionalFillsAnotherSeatByThen() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-01")),
                        new SeatAdded(ID, "seat-3", "pro-2", "Grace Hopper", new BigDecimal("7500.00"),
                                date("2025-04-01")))
                .when(new WithdrawSeatRelease(ID, "seat-2", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "one-seat-per-professional", null))
                .expectExceptionMessage("Professional pro-2 fills seat seat-3 after seat-2's release on 2025-04-01;"
                        + " release or withdraw that seat first")
                .expectNoEvents();
    }

    @Test
    void releasingAnUnknownSeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-9", date("2025-04-01"), null))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "seatId"))
                .expectExceptionMessage("Engagement eng-1 has no seat seat-9")
                .expectNoEvents();
    }

    @Test
    void releasingWithoutASeatIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "", date("2025-04-01"), null))
                .expectException(violation(Kind.MALFORMED, "required", "seatId"))
                .expectNoEvents();
    }

    @Test
    void releasingWithoutAReleaseDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "releaseDate"))
                .expectNoEvents();
    }

    @Test
    void releasingASeatOfACancelledProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1, SEAT_2), new EngagementCancelled(ID, TODAY, null))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage(
                        "Cannot release a seat: the engagement is CANCELLED (only while it is PROPOSED or running)")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- ScheduleRateChange

    @Test
    void rateChangeTakesEffectOnceTheRateChangeNoticeHasRun() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-09"),
                        "  annual review  ", null))
                .expectResultMessagePayload(2L)
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-04-09"),
                        TODAY, "annual review", "rc-1"));
    }

    @Test
    void rateChangeInsideTheRateChangeNoticeIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-08"),
                        "annual review", null))
                .expectException(violation(Kind.INVALID_INPUT, "rate-change-notice", "effectiveDate"))
                .expectExceptionMessage("a rate change announced on 2025-03-10 takes effect no earlier than"
                        + " 2025-04-09 (30 days' notice), not 2025-04-08")
                .expectNoEvents();
    }

    @Test
    void rateChangeNoticeInAucklandCountsFromTheLocalDate() {
        // Announced on 2025-03-11 in Auckland, so 2025-04-09 is one day short although it would do in UTC.
        fixture.givenCurrentTime(NOW)
                .andGiven(active(AUCKLAND_NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-09"),
                        "annual review", null))
                .expectException(violation(Kind.INVALID_INPUT, "rate-change-notice", "effectiveDate"))
                .expectExceptionMessage(containsString("announced on 2025-03-11"))
                .expectNoEvents();
    }

    @Test
    void rateChangeInAucklandIsAnnouncedOnTheLocalDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(AUCKLAND_NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-10"),
                        "annual review", null))
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-04-10"),
                        TODAY_IN_AUCKLAND, "annual review", "rc-1"));
    }

    @Test
    void rateChangeWithoutNoticeDaysMayTakeEffectToday() {
        EngagementTerms noNotice = terms("UTC", 30, 30, 0, 90, 2, 5, 5, 0);
        fixture.givenCurrentTime(NOW)
                .andGiven(active(noNotice, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), TODAY, "agreed", null))
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), TODAY, TODAY,
                        "agreed", "rc-1"));
    }

    @Test
    void rateChangeWithoutASeatReratesEverySeatBilledOnTheEffectiveDate() {
        NewSeat later = new NewSeat("seat-3", "pro-3", "Alan Turing", new BigDecimal("6000.00"), date("2025-05-01"));
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2, later))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-15")))
                .when(new ScheduleRateChange(ID, "rc-1", null, new BigDecimal("9500"), date("2025-04-15"),
                        "market rate", null))
                .expectResultMessagePayload(3L)
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9500.00"), date("2025-04-15"),
                        TODAY, "market rate", "rc-1"));
    }

    @Test
    void rateChangeWithoutASeatReratesAllOpenSeatsAndReturnsTheVersionOfTheLastEvent() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ScheduleRateChange(ID, "rc-1", null, new BigDecimal("9500"), date("2025-04-15"),
                        "market rate", null))
                .expectResultMessagePayload(3L)
                .expectEvents(
                        new RateChangeScheduled(ID, "seat-1", new BigDecimal("9500.00"), date("2025-04-15"), TODAY,
                                "market rate", "rc-1"),
                        new RateChangeScheduled(ID, "seat-2", new BigDecimal("9500.00"), date("2025-04-15"), TODAY,
                                "market rate", "rc-1"));
    }

    @Test
    void rateChangeWhenNoSeatIsBilledOnTheEffectiveDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-1", date("2025-04-01")),
                        new SeatReleased(ID, "seat-2", date("2025-04-01")))
                .when(new ScheduleRateChange(ID, "rc-1", null, new BigDecimal("9500"), date("2025-04-15"),
                        "market rate", null))
                .expectException(violation(Kind.INVALID_INPUT, "seat-open", "effectiveDate"))
                .expectExceptionMessage("no seat is billed on 2025-04-15")
                .expectNoEvents();
    }

    @Test
    void rateChangeForASeatReleasedByTheEffectiveDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new SeatReleased(ID, "seat-2", date("2025-04-15")))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-2", new BigDecimal("9500"), date("2025-04-15"),
                        "market rate", null))
                .expectException(violation(Kind.INVALID_INPUT, "seat-open", "effectiveDate"))
                .expectExceptionMessage("seat seat-2 is not billed on 2025-04-15")
                .expectNoEvents();
    }

    @Test
    void rateChangeBeforeTheSeatStartsIsRefused() {
        NewSeat later = new NewSeat("seat-3", "pro-3", "Alan Turing", new BigDecimal("6000.00"), date("2025-05-01"));
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, later))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-3", new BigDecimal("6500"), date("2025-04-30"),
                        "market rate", null))
                .expectException(violation(Kind.INVALID_INPUT, "seat-open", "effectiveDate"))
                .expectNoEvents();
    }

    @Test
    void rateChangeForAnUnknownSeatIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-9", new BigDecimal("9000"), date("2025-04-15"),
                        "annual review", null))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "seatId"))
                .expectNoEvents();
    }

    @Test
    void rateChangeWithoutAReasonIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-15"), " ", null))
                .expectException(violation(Kind.INVALID_INPUT, "reason-required", "reason"))
                .expectExceptionMessage("a rate change needs a reason")
                .expectNoEvents();
    }

    @Test
    void rateChangeWithoutAnEffectiveDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), null, "annual review", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "effectiveDate"))
                .expectNoEvents();
    }

    @Test
    void rateChangeToZeroIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", BigDecimal.ZERO, date("2025-04-15"), "annual review",
                        null))
                .expectException(violation(Kind.INVALID_INPUT, "positive", "newRate"))
                .expectNoEvents();
    }

    @Test
    void rateChangeAfterTheLastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-05-01"),
                        "annual review", null))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "effectiveDate"))
                .expectNoEvents();
    }

    @Test
    void rateChangeOnTheLastDayIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-30"),
                        "annual review", null))
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-04-30"),
                        TODAY, "annual review", "rc-1"));
    }

    @Test
    void rateChangeOnAnEndedEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, date("2025-01-01"), date("2025-02-28"), false, null),
                        new EngagementEnded(ID, date("2025-02-28"), date("2025-03-01"), true))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2025-04-15"),
                        "annual review", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage(
                        "Cannot change a rate: the engagement is ENDED (only while it is PROPOSED or running)")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- PauseEngagement

    @Test
    void pausingStopsBillingFromThePauseDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new PauseEngagement(ID, date("2025-03-15"), null))
                .expectResultMessagePayload(2L)
                .expectEvents(new EngagementPaused(ID, date("2025-03-15")));
    }

    @Test
    void pauseWithoutADateStartsToday() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(AUCKLAND_NO_TRIAL, SEAT_1))
                .when(new PauseEngagement(ID, null, null))
                .expectEvents(new EngagementPaused(ID, TODAY_IN_AUCKLAND));
    }

    @Test
    void pauseBackDatedWithinTheWindowIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2025-01-15"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2025-01-15")))
                .when(new PauseEngagement(ID, TODAY.minusDays(1), null))
                .expectEvents(new EngagementPaused(ID, date("2025-03-09")));
    }

    @Test
    void pauseBackDatedBeyondTheWindowIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2025-01-15"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2025-01-15")))
                .when(new PauseEngagement(ID, date("2025-02-06"), null))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "pauseDate"))
                .expectExceptionMessage("2025-02-06 lies more than 31 days before today (2025-03-10): 2025-02-07 is"
                        + " the earliest date that can still be recorded")
                .expectNoEvents();
    }

    @Test
    void pauseBackDatingWindowCountsFromTodayInAuckland() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2025-01-15"), AUCKLAND_NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2025-01-15")))
                .when(new PauseEngagement(ID, date("2025-02-07"), null))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "pauseDate"))
                .expectExceptionMessage("2025-02-07 lies more than 31 days before today (2025-03-11): 2025-02-08 is"
                        + " the earliest date that can still be recorded")
                .expectNoEvents();
    }

    @Test
    void pausingAPausedEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, TODAY))
                .when(new PauseEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "paused", null))
                .expectExceptionMessage("Cannot pause: the engagement is already paused from 2025-03-10; resume it"
                        + " first")
                .expectNoEvents();
    }

    @Test
    void pausingWhileAPauseIsScheduledSaysSoInsteadOfAStatusTheReadModelDoesNotShow() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-20")))
                .when(new PauseEngagement(ID, date("2025-03-25"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "pause-scheduled", null))
                .expectExceptionMessage("Cannot pause: a pause from 2025-03-20 is already scheduled; withdraw it"
                        + " first")
                .expectNoEvents();
    }

    @Test
    void endingWhileAPauseIsScheduledIsRefusedForTheStatusNotThePause() {
        // end needs notice, which no withdrawal of the pause would give: the status is the reason
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-20")))
                .when(new EndEngagement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot end: the engagement has a pause recorded from 2025-03-20 (only when"
                        + " NOTICE_GIVEN)")
                .expectNoEvents();
    }

    @Test
    void activatingAnActiveEngagementWithADateOutsideTheWindowIsRefusedForTheStatus() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2020-01-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot activate: the engagement is ACTIVE (only when PROPOSED)")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- WithdrawPause, WithdrawResume

    @Test
    void aScheduledPauseIsWithdrawnAndTheEngagementIsActiveAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-20")))
                .when(new WithdrawPause(ID, " client changed plans ", null))
                .expectEvents(new PauseWithdrawn(ID, date("2025-03-20"), TODAY, "client changed plans"))
                .expectState(engagement -> assertThat(engagement).extracting("status")
                        .isEqualTo(EngagementStatus.ACTIVE));
    }

    @Test
    void aPauseRecordedForTodayIsWithdrawnAsACorrection() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .when(new WithdrawPause(ID, null, null))
                .expectEvents(new PauseWithdrawn(ID, TODAY, TODAY, null))
                .expectState(engagement -> assertThat(engagement).extracting("status")
                        .isEqualTo(EngagementStatus.ACTIVE));
    }

    @Test
    void aPauseStartedAtTheEdgeOfTheBackDatingWindowIsWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1).subList(0, 1))
                .andGiven(new EngagementActivated(ID, date("2025-02-01")), new EngagementPaused(ID, date("2025-02-07")))
                .when(new WithdrawPause(ID, null, null))
                .expectEvents(new PauseWithdrawn(ID, date("2025-02-07"), TODAY, null));
    }

    @Test
    void aPauseStartedBeforeTheBackDatingWindowCannotBeWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1).subList(0, 1))
                .andGiven(new EngagementActivated(ID, date("2025-02-01")), new EngagementPaused(ID, date("2025-02-06")))
                .when(new WithdrawPause(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "pause-started", null))
                .expectExceptionMessage("The pause started on 2025-02-06, more than 31 days before today"
                        + " (2025-03-10), the back-dating window; resume the engagement instead")
                .expectNoEvents();
    }

    @Test
    void withdrawingAPauseWhenNoneIsRecordedIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new WithdrawPause(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-scheduled", null))
                .expectNoEvents();
    }

    @Test
    void withdrawingAPauseThatHasAResumeSaysToWithdrawTheResumeFirst() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(date("2025-03-20")))
                .andGiven(new EngagementResumed(ID, date("2025-03-25")))
                .when(new WithdrawPause(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-scheduled", null))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("withdraw the resume first"))
                .expectNoEvents();
    }

    @Test
    void aScheduledResumeIsWithdrawnAndThePauseIsOpenAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .andGiven(new EngagementResumed(ID, date("2025-03-20")))
                .when(new WithdrawResume(ID, null, null))
                .expectEvents(new ResumeWithdrawn(ID, date("2025-03-20"), TODAY, null))
                .expectState(engagement -> assertThat(engagement).extracting("status")
                        .isEqualTo(EngagementStatus.PAUSED));
    }

    @Test
    void aResumeRecordedForTodayIsWithdrawnAsACorrection() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(date("2025-03-01")))
                .andGiven(new EngagementResumed(ID, TODAY))
                .when(new WithdrawResume(ID, null, null))
                .expectEvents(new ResumeWithdrawn(ID, TODAY, TODAY, null))
                .expectState(engagement -> assertThat(engagement).extracting("status")
                        .isEqualTo(EngagementStatus.PAUSED));
    }

    @Test
    void aResumeBeforeTheBackDatingWindowCannotBeWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1).subList(0, 1))
                .andGiven(new EngagementActivated(ID, date("2025-01-20")), new EngagementPaused(ID, date("2025-02-01")),
                        new EngagementResumed(ID, date("2025-02-06")))
                .when(new WithdrawResume(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "resume-in-effect", null))
                .expectExceptionMessage("Billing resumed on 2025-02-06, more than 31 days before today"
                        + " (2025-03-10), the back-dating window; pause the engagement again instead")
                .expectNoEvents();
    }

    @Test
    void withdrawingAResumeWhileThePauseIsOpenIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .when(new WithdrawResume(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-scheduled", null))
                .expectNoEvents();
    }

    @Test
    void pausingAnEngagementInTrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY))
                .when(new PauseEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void pausingAnEngagementUnderNoticeOnItsLastDayIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new PauseEngagement(ID, date("2025-04-30"), null))
                .expectEvents(new EngagementPaused(ID, date("2025-04-30")));
    }

    @Test
    void pausingAnEngagementUnderNoticeAfterItsLastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new PauseEngagement(ID, date("2025-05-01"), null))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "pauseDate"))
                .expectNoEvents();
    }

    @Test
    void pausingAnEngagementUnderNoticeThatIsAlreadyPausedIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(date("2025-03-20")))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new PauseEngagement(ID, date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "pause-scheduled", null))
                .expectExceptionMessage("Cannot pause: a pause from 2025-03-20 is already scheduled; withdraw it"
                        + " first")
                .expectNoEvents();
    }

    @Test
    void pausedEngagementUnderNoticeCanResumeSoThatItsLastDaysAreBilled() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new ResumeEngagement(ID, date("2025-04-01"), null))
                .expectEvents(new EngagementResumed(ID, date("2025-04-01")));
    }

    @Test
    void resumingAfterTheLastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new ResumeEngagement(ID, date("2025-05-01"), null))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "resumeDate"))
                .expectNoEvents();
    }

    @Test
    void resumingAnEngagementUnderNoticeThatIsNotPausedIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new ResumeEngagement(ID, date("2025-04-01"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-paused", null))
                .expectNoEvents();
    }

    @Test
    void engagementUnderNoticeThatResumedCanPauseAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null),
                        new EngagementResumed(ID, date("2025-03-15")))
                .when(new PauseEngagement(ID, date("2025-04-20"), null))
                .expectEvents(new EngagementPaused(ID, date("2025-04-20")));
    }

    // ---------------------------------------------------------------- ResumeEngagement

    @Test
    void resumingBillsAgainFromTheResumeDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")))
                .when(new ResumeEngagement(ID, date("2025-03-17"), null))
                .expectResultMessagePayload(3L)
                .expectEvents(new EngagementResumed(ID, date("2025-03-17")));
    }

    @Test
    void resumeWithoutADateIsEffectiveToday() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")))
                .when(new ResumeEngagement(ID, null, null))
                .expectEvents(new EngagementResumed(ID, TODAY));
    }

    @Test
    void resumingOnThePauseDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-20")))
                .when(new ResumeEngagement(ID, date("2025-03-20"), null))
                .expectException(violation(Kind.INVALID_INPUT, "after-pause", "resumeDate"))
                .expectExceptionMessage(
                        "the pause starts on 2025-03-20; billing resumes on a later day, not 2025-03-20")
                .expectNoEvents();
    }

    @Test
    void resumingTheDayAfterAFuturePauseStartsIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-20")))
                .when(new ResumeEngagement(ID, date("2025-03-21"), null))
                .expectEvents(new EngagementResumed(ID, date("2025-03-21")));
    }

    @Test
    void resumingTodayAPauseThatStartsTodayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, TODAY))
                .when(new ResumeEngagement(ID, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "after-pause", "resumeDate"))
                .expectNoEvents();
    }

    @Test
    void resumeBackDatedWithinTheWindowIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")))
                .when(new ResumeEngagement(ID, date("2025-03-05"), null))
                .expectEvents(new EngagementResumed(ID, date("2025-03-05")));
    }

    @Test
    void resumeBackDatedBeyondTheWindowIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2025-01-01"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2025-01-01")),
                        new EngagementPaused(ID, date("2025-01-10")))
                .when(new ResumeEngagement(ID, date("2025-02-01"), null))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "resumeDate"))
                .expectNoEvents();
    }

    @Test
    void resumingAnActiveEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ResumeEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot resume: the engagement is ACTIVE (only when PAUSED or NOTICE_GIVEN)")
                .expectNoEvents();
    }

    @Test
    void engagementCanBePausedAgainAfterItResumed() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")), new EngagementResumed(ID, date("2025-03-05")))
                .when(new PauseEngagement(ID, date("2025-03-20"), null))
                .expectResultMessagePayload(4L)
                .expectEvents(new EngagementPaused(ID, date("2025-03-20")));
    }

    @Test
    void pauseBeforeBillingHasResumedFromThePreviousPauseIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")), new EngagementResumed(ID, date("2025-03-20")))
                .when(new PauseEngagement(ID, date("2025-03-19"), null))
                .expectException(violation(Kind.INVALID_INPUT, "after-resume", "pauseDate"))
                .expectExceptionMessage("billing resumes on 2025-03-20; a new pause starts on that day or later, not"
                        + " 2025-03-19")
                .expectNoEvents();
    }

    @Test
    void pauseWithoutADateIsRefusedWhileBillingHasNotYetResumed() {
        // today, 2025-03-10, falls inside the previous pause, which runs until 2025-03-20
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")), new EngagementResumed(ID, date("2025-03-20")))
                .when(new PauseEngagement(ID, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "after-resume", "pauseDate"))
                .expectExceptionMessage(containsString("not 2025-03-10"))
                .expectNoEvents();
    }

    @Test
    void pauseOnTheDayBillingResumesIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")), new EngagementResumed(ID, date("2025-03-20")))
                .when(new PauseEngagement(ID, date("2025-03-20"), null))
                .expectEvents(new EngagementPaused(ID, date("2025-03-20")));
    }

    @Test
    void pauseIsCheckedAgainstTheLatestResume() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-10")), new EngagementResumed(ID, date("2025-03-12")),
                        new EngagementPaused(ID, date("2025-03-14")), new EngagementResumed(ID, date("2025-03-25")))
                .when(new PauseEngagement(ID, date("2025-03-24"), null))
                .expectException(violation(Kind.INVALID_INPUT, "after-resume", "pauseDate"))
                .expectExceptionMessage(containsString("billing resumes on 2025-03-25"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- GiveNotice and the end after notice

    @Test
    void noticeRunningExactlyTheNoticePeriodIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-09"), false, "  budget cut  ", null))
                .expectResultMessagePayload(2L)
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-09"), false, "budget cut"))
                .expectScheduledDeadlineWithName(Instant.parse("2025-04-10T00:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    @Test
    void noticeShorterThanTheNoticePeriodIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-08"), false, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "notice-period", "lastDay"))
                .expectExceptionMessage("notice given on 2025-03-10 runs at least 30 days: the last day can be"
                        + " 2025-04-09 at the earliest, not 2025-04-08")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void noticeWithoutAReasonRecordsNoReason() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-05-31"), false, " ", null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-05-31"), false, null));
    }

    @Test
    void noticeInAucklandCountsFromTheLocalDateAndRunsOutAtLocalMidnight() {
        // Given on 2025-03-11 local; the last day 2025-04-10 is followed by 2025-04-11 00:00 NZST (UTC+12 after
        // daylight saving ended on 2025-04-06), 12:00 UTC the day before.
        fixture.givenCurrentTime(NOW)
                .andGiven(active(AUCKLAND_NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-10"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY_IN_AUCKLAND, date("2025-04-10"), false, null))
                .expectScheduledDeadlineWithName(Instant.parse("2025-04-10T12:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    @Test
    void noticeInAucklandThatWouldSufficeInUtcIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(AUCKLAND_NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-09"), false, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "notice-period", "lastDay"))
                .expectExceptionMessage(containsString("notice given on 2025-03-11"))
                .expectNoEvents();
    }

    @Test
    void noticeWithoutALastDayIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, null, false, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "lastDay"))
                .expectNoEvents();
    }

    @Test
    void terminationForCauseMayEndSoonerThanTheNoticePeriod() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, TODAY, true, " gross misconduct ", null))
                .expectEvents(new NoticeGiven(ID, TODAY, TODAY, true, "gross misconduct"))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-11T00:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    @Test
    void terminationForCauseWithoutAReasonIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-03-15"), true, "  ", null))
                .expectException(violation(Kind.INVALID_INPUT, "reason-required", "reason"))
                .expectExceptionMessage("termination for cause needs a reason")
                .expectNoEvents();
    }

    @Test
    void terminationForCauseEndingBeforeTheNoticeDateIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, TODAY.minusDays(1), true, "gross misconduct", null))
                .expectException(violation(Kind.INVALID_INPUT, "not-before-notice", "lastDay"))
                .expectNoEvents();
    }

    @Test
    void noticeCanBeGivenWhilePaused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-03-01")))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectResultMessagePayload(3L)
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null));
    }

    @Test
    void givingNoticeTwiceIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null))
                .when(new GiveNotice(ID, date("2025-05-31"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage(
                        "Cannot give notice: the engagement is NOTICE_GIVEN (only when ACTIVE or PAUSED)")
                .expectNoEvents();
    }

    @Test
    void givingNoticeOnAProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new GiveNotice(ID, date("2025-05-31"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void engagementUnderNoticeEndsByItselfAfterItsLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(NO_TRIAL, SEAT_1), new ActivateEngagement(ID, null, null),
                        new GiveNotice(ID, date("2025-04-09"), false, null, null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-04-10T00:00:00Z"))
                .expectTriggeredDeadlinesWithName(Engagement.NOTICE_RUNS_OUT)
                .expectEventsMatching(exactSequenceOf(
                        event(new EngagementEnded(ID, date("2025-04-09"), date("2025-04-10"), true),
                                "the notice period ended on 2025-04-09"),
                        andNoMore()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void engagementUnderNoticeRunsThroughItsLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(NO_TRIAL, SEAT_1), new ActivateEngagement(ID, null, null),
                        new GiveNotice(ID, date("2025-04-09"), false, null, null))
                .whenThenTimeAdvancesTo(Instant.parse("2025-04-09T23:59:59Z"))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Instant.parse("2025-04-10T00:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    @Test
    void noticeRunningOutOnAnEngagementAlreadyEndedChangesNothing() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(NO_TRIAL, SEAT_1), new ActivateEngagement(ID, null, null),
                        new GiveNotice(ID, date("2025-04-09"), false, null, null))
                // ended without the deadline being cancelled, e.g. the deadline was already queued
                .andGiven(new EngagementEnded(ID, date("2025-04-09"), date("2025-04-10"), false))
                .whenThenTimeAdvancesTo(Instant.parse("2025-04-10T00:00:00Z"))
                .expectTriggeredDeadlinesWithName(Engagement.NOTICE_RUNS_OUT)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- WithdrawNotice

    @Test
    void aNoticeGivenTodayIsWithdrawnAndItsEndIsNoLongerScheduled() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGivenCommands(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .when(new WithdrawNotice(ID, "  wrong last day  ", null))
                .expectEvents(new NoticeWithdrawn(ID, TODAY, TODAY, "wrong last day"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void afterAWithdrawnNoticeNoticeIsGivenAgainWithAnotherLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, date("2025-03-01"), date("2025-04-30"), false, null),
                        new NoticeWithdrawn(ID, date("2025-03-01"), TODAY, null))
                .when(new GiveNotice(ID, date("2025-05-31"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-05-31"), false, null))
                .expectScheduledDeadlineWithName(Instant.parse("2025-06-01T00:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    @Test
    void aNoticeWithdrawnWhilePausedLeavesTheEngagementPaused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(date("2025-03-20")))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null),
                        new NoticeWithdrawn(ID, TODAY, TODAY, null))
                .when(new ResumeEngagement(ID, date("2025-03-25"), null))
                .expectEvents(new EngagementResumed(ID, date("2025-03-25")));
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null),
                        new NoticeWithdrawn(ID, TODAY, TODAY, null))
                .when(new ResumeEngagement(ID, date("2025-03-25"), null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void aNoticeGivenBeforeTheBackDatingWindowStands() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_FROM_NOVEMBER),
                        new EngagementActivated(ID, date("2024-11-01")),
                        new NoticeGiven(ID, date("2025-02-06"), date("2025-04-30"), false, null))
                .when(new WithdrawNotice(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "notice-in-effect", null))
                .expectExceptionMessage("Notice was given on 2025-02-06, more than 31 days before today (2025-03-10),"
                        + " the back-dating window; the engagement ends after 2025-04-30")
                .expectNoEvents();
    }

    @Test
    void withdrawingANoticeThatWasNeverGivenIsRefusedForTheStatus() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new WithdrawNotice(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot withdraw a notice: the engagement is ACTIVE (only when NOTICE_GIVEN)")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- EndEngagement

    @Test
    void endingAfterTheLastDayEndsTheEngagementAndCancelsTheNoticeDeadline() {
        TestExecutor<Engagement> underNotice = fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(NO_TRIAL, SEAT_1), new ActivateEngagement(ID, null, null),
                        new GiveNotice(ID, date("2025-04-09"), false, null, null));
        // the application clock passes the last day before the scheduler got round to the deadline
        clock.moveTo(Instant.parse("2025-04-10T08:00:00Z"));
        underNotice.when(new EndEngagement(ID, null))
                .expectResultMessagePayload(3L)
                .expectEvents(new EngagementEnded(ID, date("2025-04-09"), date("2025-04-10"), false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void endingOnTheLastDayIsRefused() {
        TestExecutor<Engagement> underNotice = fixture.givenCurrentTime(NOW)
                .andGivenCommands(propose(NO_TRIAL, SEAT_1), new ActivateEngagement(ID, null, null),
                        new GiveNotice(ID, date("2025-04-09"), false, null, null));
        clock.moveTo(Instant.parse("2025-04-09T23:59:59Z"));
        underNotice.when(new EndEngagement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "notice-running", null))
                .expectExceptionMessage(
                        "The notice runs until 2025-04-09; the engagement ends by itself after that day")
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Instant.parse("2025-04-10T00:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    @Test
    void endingInAucklandWaitsForTheLocalDayAfterTheLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(AUCKLAND_NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, TODAY_IN_AUCKLAND, TODAY_IN_AUCKLAND, true, "fraud"))
                // 2025-03-11 in Auckland: the last day is still running although UTC is still on 2025-03-10
                .when(new EndEngagement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "notice-running", null))
                .expectNoEvents();
    }

    @Test
    void endingAnActiveEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new EndEngagement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot end: the engagement is ACTIVE (only when NOTICE_GIVEN)")
                .expectNoEvents();
    }

    @Test
    void endingAnEndedEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new NoticeGiven(ID, date("2025-01-01"), date("2025-02-28"), false, null),
                        new EngagementEnded(ID, date("2025-02-28"), date("2025-03-01"), true))
                .when(new EndEngagement(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- CancelEngagement

    @Test
    void cancellingAProposalRecordsTodayAndTheReason() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new CancelEngagement(ID, "  client went elsewhere ", null))
                .expectResultMessagePayload(1L)
                .expectEvents(new EngagementCancelled(ID, TODAY, "client went elsewhere"));
    }

    @Test
    void cancellationWithoutAReasonRecordsNoReason() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(AUCKLAND_TERMS, SEAT_1))
                .when(new CancelEngagement(ID, null, null))
                .expectEvents(new EngagementCancelled(ID, TODAY_IN_AUCKLAND, null));
    }

    @Test
    void cancellingAnActiveEngagementIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new CancelEngagement(ID, "changed our mind", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage("Cannot cancel: the engagement is ACTIVE (only when PROPOSED)")
                .expectNoEvents();
    }

    static Stream<Arguments> commandsRefusedWhileAPauseIsRecorded() {
        return Stream.of(
                Arguments.of(new CancelEngagement(ID, null, null), "Cannot cancel: the engagement has a pause"
                        + " recorded from 2025-03-20 (only when PROPOSED)"),
                Arguments.of(new ActivateEngagement(ID, null, null), "Cannot activate: the engagement has a pause"
                        + " recorded from 2025-03-20 (only when PROPOSED)"),
                Arguments.of(new StartTrial(ID, null, null), "Cannot start a trial: the engagement has a pause"
                        + " recorded from 2025-03-20 (only when PROPOSED)"),
                Arguments.of(new AcceptTrial(ID, null), "Cannot accept the trial: the engagement has a pause"
                        + " recorded from 2025-03-20 (only when TRIAL)"),
                Arguments.of(new RejectTrial(ID, null, null), "Cannot reject the trial: the engagement has a pause"
                        + " recorded from 2025-03-20 (only when TRIAL)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commandsRefusedWhileAPauseIsRecorded")
    void refusalsNameAPauseThatHasNotStartedRatherThanAStatusGetDoesNotShow(Object command, String message) {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(date("2025-03-20")))
                .when(command)
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void cancellingAnEngagementInTrialIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), trialStarted(TODAY))
                .when(new CancelEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    @Test
    void cancellingACancelledProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1), new EngagementCancelled(ID, TODAY, null))
                .when(new CancelEngagement(ID, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- Dates from 1970-01-01 to 2999-12-31

    /** Every command that takes a date, with a history it is otherwise accepted on, naming the date's field. */
    private static Stream<Arguments> commandsWithADate(LocalDate date) {
        return Stream.of(
                Arguments.of("ProposeEngagement", "seats[1].startDate", date, List.of(),
                        propose(NO_TRIAL, SEAT_1, new NewSeat("seat-2", "pro-2", "Grace Hopper",
                                new BigDecimal("7000.00"), date))),
                Arguments.of("AddSeat", "startDate", date, active(NO_TRIAL, SEAT_1), addSeat("seat-2", "pro-2", date)),
                Arguments.of("StartTrial", "startDate", date, List.of(proposed(TERMS, SEAT_1)),
                        new StartTrial(ID, date, null)),
                Arguments.of("ActivateEngagement", "activationDate", date, List.of(proposed(NO_TRIAL, SEAT_1)),
                        new ActivateEngagement(ID, date, null)),
                Arguments.of("ReleaseSeat", "releaseDate", date, active(NO_TRIAL, SEAT_1, SEAT_2),
                        new ReleaseSeat(ID, "seat-2", date, null)),
                Arguments.of("ScheduleRateChange", "effectiveDate", date, active(NO_TRIAL, SEAT_1),
                        new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date, "annual review", null)),
                Arguments.of("PauseEngagement", "pauseDate", date, active(NO_TRIAL, SEAT_1),
                        new PauseEngagement(ID, date, null)),
                Arguments.of("ResumeEngagement", "resumeDate", date, paused(date("2025-03-01")),
                        new ResumeEngagement(ID, date, null)),
                Arguments.of("GiveNotice", "lastDay", date, active(NO_TRIAL, SEAT_1),
                        new GiveNotice(ID, date, false, null, null)));
    }

    static Stream<Arguments> datesOutsideTheRange() {
        return Stream.of(date("1969-12-31"), date("3000-01-01"), LocalDate.MIN, LocalDate.MAX)
                .flatMap(EngagementTest::commandsWithADate);
    }

    @ParameterizedTest(name = "{0} with {1} = {2} is refused")
    @MethodSource("datesOutsideTheRange")
    void dateOutsideTheRangeIsRefused(String commandName, String field, LocalDate date, List<?> history,
                                      Object command) {
        fixture.givenCurrentTime(NOW)
                .andGiven(history)
                .when(command)
                .expectException(violation(Kind.INVALID_INPUT, "date-range", field))
                .expectExceptionMessage(date + " is not between 1970-01-01 and 2999-12-31")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void seatStartingOnTheLastDayOfTheRangeIsAccepted() {
        NewSeat last = new NewSeat("seat-2", "pro-2", "Grace Hopper", new BigDecimal("7000.00"), date("2999-12-31"));
        wideHorizon().givenCurrentTime(NOW)
                .when(propose(NO_TRIAL, SEAT_1, last))
                .expectEvents(proposed(NO_TRIAL, SEAT_1, last));
    }

    @Test
    void seatAddedOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(addSeat("seat-2", "pro-2", date("2999-12-31")))
                .expectEvents(seatAdded("seat-2", "pro-2", date("2999-12-31")));
    }

    @Test
    void trialEndingOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2999-12-18"), null))
                .expectEvents(new TrialStarted(ID, date("2999-12-18"), date("2999-12-31")));
    }

    @Test
    void trialWhoseLastDayLeavesTheRangeIsRefused() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2999-12-31"), null))
                .expectException(violation(Kind.INVALID_INPUT, "date-range", "startDate"))
                .expectExceptionMessage("a 14-day trial from 2999-12-31 would last until 3000-01-13, after"
                        + " 2999-12-31")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void releaseOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ReleaseSeat(ID, "seat-2", date("2999-12-31"), null))
                .expectEvents(new SeatReleased(ID, "seat-2", date("2999-12-31")));
    }

    @Test
    void rateChangeOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-1", "seat-1", new BigDecimal("9000"), date("2999-12-31"),
                        "annual review", null))
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2999-12-31"),
                        TODAY, "annual review", "rc-1"));
    }

    @Test
    void pauseOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new PauseEngagement(ID, date("2999-12-31"), null))
                .expectEvents(new EngagementPaused(ID, date("2999-12-31")));
    }

    @Test
    void resumeOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(paused(date("2025-03-01")))
                .when(new ResumeEngagement(ID, date("2999-12-31"), null))
                .expectEvents(new EngagementResumed(ID, date("2999-12-31")));
    }

    // ---------------------------------------------------------------- Forward-dating window

    static Stream<Arguments> datesBeyondTheForwardWindow() {
        return commandsWithADate(TODAY.plusDays(366));
    }

    @ParameterizedTest(name = "{0} with {1} = {2} is refused")
    @MethodSource("datesBeyondTheForwardWindow")
    void dateBeyondTheForwardDatingWindowIsRefused(String commandName, String field, LocalDate date,
                                                   List<?> history, Object command) {
        fixture.givenCurrentTime(NOW)
                .andGiven(history)
                .when(command)
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", field))
                .expectExceptionMessage("2026-03-11 lies more than 365 days after today (2025-03-10): 2026-03-10 is"
                        + " the latest date that can be recorded")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void activationAtTheEdgeOfTheForwardDatingWindowIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2026-03-10"), null))
                .expectEvents(new EngagementActivated(ID, date("2026-03-10")));
    }

    @Test
    void activationInTheYear2999IsRefusedSoThatATypoCannotTrapTheEngagement() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2999-12-31"), null))
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", "activationDate"))
                .expectNoEvents();
    }

    @Test
    void forwardDatingWindowComesFromConfiguration() {
        AggregateTestFixture<Engagement> weekAhead = new AggregateTestFixture<>(Engagement.class);
        weekAhead.registerInjectableResource(clock);
        weekAhead.registerInjectableResource(new BackDatingWindow(31));
        weekAhead.registerInjectableResource(new ForwardDatingWindow(7));
        weekAhead.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2025-03-18"), null))
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", "activationDate"))
                .expectNoEvents();
    }

    @Test
    void noticeLastDayInTheYear2305IsRefusedSoThatItCannotTrapTheEngagementUnderNotice() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2305-06-30"), false, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "forward-dating-window", "lastDay"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void noticeLastDayAtTheEdgeOfTheForwardDatingWindowIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2026-03-10"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2026-03-10"), false, null));
    }

    @Test
    void noticeEndingOnTheLastDayOfTheRangeIsAccepted() {
        wideHorizon().givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2999-12-31"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2999-12-31"), false, null))
                .expectScheduledDeadlineWithName(Instant.parse("3000-01-01T00:00:00Z"), Engagement.NOTICE_RUNS_OUT);
    }

    // ---------------------------------------------------------------- Notice against what is still scheduled

    @Test
    void noticeWithALastDayBeforeTheFirstBilledDayIsRefused() {
        // activated from 2031-06-01 while it is 2031-03-01: a last day in March would end it before it began
        clock.moveTo(Instant.parse("2031-03-01T12:00:00Z"));
        fixture.givenCurrentTime(Instant.parse("2031-03-01T12:00:00Z"))
                .andGiven(proposedOn(date("2031-03-01"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2031-06-01")))
                .when(new GiveNotice(ID, date("2031-03-31"), false, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "before-first-billed-day", "lastDay"))
                .expectExceptionMessage("the engagement is billed from 2031-06-01; its last day cannot be earlier,"
                        + " not 2031-03-31")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void forCauseNoticeBeforeTheFirstBilledDayIsRefusedToo() {
        clock.moveTo(Instant.parse("2031-03-01T12:00:00Z"));
        fixture.givenCurrentTime(Instant.parse("2031-03-01T12:00:00Z"))
                .andGiven(proposedOn(date("2031-03-01"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2031-06-01")))
                .when(new GiveNotice(ID, date("2031-03-10"), true, "fraud", null))
                .expectException(violation(Kind.INVALID_INPUT, "before-first-billed-day", "lastDay"))
                .expectNoEvents();
    }

    @Test
    void noticeOnTheFirstBilledDayIsAccepted() {
        clock.moveTo(Instant.parse("2031-03-01T12:00:00Z"));
        fixture.givenCurrentTime(Instant.parse("2031-03-01T12:00:00Z"))
                .andGiven(proposedOn(date("2031-03-01"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2031-06-01")))
                .when(new GiveNotice(ID, date("2031-06-01"), false, null, null))
                .expectEvents(new NoticeGiven(ID, date("2031-03-01"), date("2031-06-01"), false, null));
    }

    @Test
    void noticeIsRefusedWhileSeatsStartAfterTheLastDayNamingThem() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-05-01")),
                        new SeatAdded(ID, "seat-3", "pro-3", "Alan Turing", new BigDecimal("6000.00"),
                                date("2025-06-01")))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "scheduled-after-last-day", null))
                .expectExceptionMessage("Scheduled after the last day 2025-04-30: seat seat-2 (Grace Hopper) starting"
                        + " 2025-05-01 (release it on its start date to withdraw it); seat seat-3 (Alan Turing)"
                        + " starting 2025-06-01 (release it on its start date to withdraw it). Withdraw them first")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void noticeIsAcceptedOnceTheLaterSeatIsWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-05-01")), new SeatWithdrawn(ID, "seat-2", TODAY))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null));
    }

    @Test
    void noticeIsRefusedWhileRateChangesTakeEffectAfterTheLastDayNamingThem() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new RateChangeScheduled(ID, "seat-2", new BigDecimal("8000.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new RateChangeScheduled(ID, "seat-1", new BigDecimal("9500.00"), date("2025-04-15"), TODAY,
                                "promotion", "rc-8"))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "scheduled-after-last-day", null))
                .expectExceptionMessage("Scheduled after the last day 2025-04-30: rate change rc-7 effective"
                        + " 2025-05-01. Withdraw it first")
                .expectNoEvents();
    }

    @Test
    void noticeRefusalNamesEverySeatRateChangeAndPauseInTheWayAtOnce() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(seatAdded("seat-2", "pro-2", date("2025-05-10")),
                        new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new EngagementPaused(ID, date("2025-05-05")))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "scheduled-after-last-day", null))
                .expectExceptionMessage("Scheduled after the last day 2025-04-30: seat seat-2 (Grace Hopper) starting"
                        + " 2025-05-10 (release it on its start date to withdraw it); rate change rc-7 effective"
                        + " 2025-05-01; a pause from 2025-05-05. Withdraw them first")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void noticeIsRefusedWhileAResumeIsScheduledAfterTheLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(paused(TODAY))
                .andGiven(new EngagementResumed(ID, date("2025-05-10")))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "scheduled-after-last-day", null))
                .expectExceptionMessage("Scheduled after the last day 2025-04-30: a resume on 2025-05-10. Withdraw it"
                        + " first")
                .expectNoEvents();
    }

    @Test
    void noticeRefusalNamesAResumeAndItsPauseWhenBothLieAfterTheLastDay() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new EngagementPaused(ID, date("2025-05-05")), new EngagementResumed(ID, date("2025-05-20")))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "scheduled-after-last-day", null))
                .expectExceptionMessage("Scheduled after the last day 2025-04-30: a resume on 2025-05-20; a pause"
                        + " from 2025-05-05. Withdraw them first")
                .expectNoEvents();
    }

    @Test
    void noticeIgnoresARateChangeFromOnOrAfterItsSeatsRelease() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGiven(new RateChangeScheduled(ID, "seat-2", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new SeatReleased(ID, "seat-2", date("2025-04-20")))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null));
    }

    @Test
    void noticeIsAcceptedOnceTheLaterRateChangeIsWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new RateChangeWithdrawn(ID, "rc-7", TODAY, null))
                .when(new GiveNotice(ID, date("2025-04-30"), false, null, null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, null));
    }

    // ---------------------------------------------------------------- WithdrawRateChange

    @Test
    void rateChangeForSeveralSeatsSharesOneIdAndIsWithdrawnAsOne() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .andGivenCommands(new ScheduleRateChange(ID, "rc-7", null, new BigDecimal("9000"),
                        date("2025-05-01"), "annual review", null))
                .when(new WithdrawRateChange(ID, "rc-7", "  client declined  ", null))
                .expectResultMessagePayload(4L)
                .expectEvents(new RateChangeWithdrawn(ID, "rc-7", TODAY, "client declined"));
    }

    @Test
    void withdrawnRateChangeLeavesTheEarlierRateInPlace() {
        // after the withdrawal the same day can be re-rated, which it could not if a step were left
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                                "annual review", "rc-7"),
                        new RateChangeWithdrawn(ID, "rc-7", TODAY, null))
                .when(new ScheduleRateChange(ID, "rc-8", "seat-1", new BigDecimal("9500"), date("2025-05-01"),
                        "promotion", null))
                .expectEvents(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9500.00"), date("2025-05-01"),
                        TODAY, "promotion", "rc-8"));
    }

    @Test
    void withdrawingAnUnknownRateChangeIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new WithdrawRateChange(ID, "rc-404", null, null))
                .expectException(violation(Kind.NOT_FOUND, "not-found", "rateChangeId"))
                .expectExceptionMessage("Engagement eng-1 has no scheduled rate change rc-404")
                .expectNoEvents();
    }

    @Test
    void aRateChangeThatTookEffectWithinTheBackDatingWindowCanBeWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), TODAY, date("2025-02-01"),
                        "annual review", "rc-7"))
                .when(new WithdrawRateChange(ID, "rc-7", "wrong rate", null))
                .expectEvents(new RateChangeWithdrawn(ID, "rc-7", TODAY, "wrong rate"));
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_FROM_NOVEMBER),
                        new EngagementActivated(ID, date("2024-11-01")),
                        new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-02-07"),
                                date("2025-01-02"), "annual review", "rc-7"))
                .when(new WithdrawRateChange(ID, "rc-7", null, null))
                .expectEvents(new RateChangeWithdrawn(ID, "rc-7", TODAY, null));
    }

    @Test
    void aRateChangeThatTookEffectBeforeTheBackDatingWindowCannotBeWithdrawn() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_FROM_NOVEMBER),
                        new EngagementActivated(ID, date("2024-11-01")),
                        new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-02-06"),
                                date("2025-01-02"), "annual review", "rc-7"))
                .when(new WithdrawRateChange(ID, "rc-7", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "rate-change-in-effect", null))
                .expectExceptionMessage("Rate change rc-7 took effect on 2025-02-06, more than 31 days before today"
                        + " (2025-03-10), the back-dating window; the days billed at its rate are no longer corrected")
                .expectNoEvents();
    }

    @Test
    void aSecondRateChangeForTheSameSeatAndDayIsRefusedNamingTheFirst() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                        "annual review", "rc-7"))
                .when(new ScheduleRateChange(ID, "rc-8", "seat-1", new BigDecimal("9500"), date("2025-05-01"),
                        "promotion", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "rate-change-exists", null))
                .expectExceptionMessage("Seat seat-1 already has rate change rc-7 from 2025-05-01; withdraw it first")
                .expectNoEvents();
    }

    @Test
    void aRateChangeToTheRateAlreadyInEffectIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, "rc-8", "seat-1", new BigDecimal("8000"), date("2025-05-01"),
                        "no raise after all", null))
                .expectException(violation(Kind.INVALID_INPUT, "no-change", "newRate"))
                .expectExceptionMessage("the rate on 2025-05-01 is already 8000.00")
                .expectNoEvents();
    }

    @Test
    void aRateChangeForEverySeatLeavesOutTheSeatsAlreadyAtThatRate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1, SEAT_2))
                .when(new ScheduleRateChange(ID, "rc-8", null, new BigDecimal("8000"), date("2025-05-01"),
                        "same rate for all", null))
                .expectEvents(new RateChangeScheduled(ID, "seat-2", new BigDecimal("8000.00"), date("2025-05-01"),
                        TODAY, "same rate for all", "rc-8"));
    }

    @Test
    void withdrawingAWithdrawnRateChangeIsAConflictNotAnUnknownId() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                        "annual review", "rc-7"), new RateChangeWithdrawn(ID, "rc-7", TODAY, null))
                .when(new WithdrawRateChange(ID, "rc-7", null, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "already-withdrawn", null))
                .expectNoEvents();
    }

    @Test
    void rateChangeIdsAreUnique() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .andGiven(new RateChangeScheduled(ID, "seat-1", new BigDecimal("9000.00"), date("2025-05-01"), TODAY,
                        "annual review", "rc-7"))
                .when(new ScheduleRateChange(ID, "rc-7", "seat-1", new BigDecimal("9500"), date("2025-06-01"),
                        "again", null))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "rateChangeId"))
                .expectNoEvents();
    }

    @Test
    void rateChangeWithoutAnIdIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new ScheduleRateChange(ID, null, "seat-1", new BigDecimal("9500"), date("2025-06-01"),
                        "annual review", null))
                .expectException(violation(Kind.MALFORMED, "required", "rateChangeId"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- Effective dates: proposal and back-dating

    @Test
    void activationBeforeTheProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("1975-01-01"), null))
                .expectException(violation(Kind.INVALID_INPUT, "before-proposal", "activationDate"))
                .expectExceptionMessage("1975-01-01 is before the proposal (2025-03-10)")
                .expectNoEvents();
    }

    @Test
    void activationBeyondTheBackDatingWindowIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-12-01"), NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2025-02-06"), null))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "activationDate"))
                .expectExceptionMessage("2025-02-06 lies more than 31 days before today (2025-03-10): 2025-02-07 is"
                        + " the earliest date that can still be recorded")
                .expectNoEvents();
    }

    @Test
    void activationAtTheEdgeOfTheBackDatingWindowIsAccepted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-12-01"), NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2025-02-07"), null))
                .expectEvents(new EngagementActivated(ID, date("2025-02-07")));
    }

    @Test
    void backDatingWindowComesFromConfiguration() {
        AggregateTestFixture<Engagement> weekWindow = new AggregateTestFixture<>(Engagement.class);
        weekWindow.registerInjectableResource(clock);
        weekWindow.registerInjectableResource(new BackDatingWindow(7));
        weekWindow.registerInjectableResource(new ForwardDatingWindow(365));
        weekWindow.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-12-01"), NO_TRIAL, SEAT_1))
                .when(new ActivateEngagement(ID, date("2025-03-02"), null))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "activationDate"))
                .expectNoEvents();
    }

    @Test
    void trialStartingBeforeTheProposalIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(new StartTrial(ID, date("2025-03-09"), null))
                .expectException(violation(Kind.INVALID_INPUT, "before-proposal", "startDate"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void proposedSeatStartingBeforeTheProposalIsRefused() {
        NewSeat early = new NewSeat("seat-1", "pro-1", "Ada Lovelace", new BigDecimal("8000.00"), date("2025-03-09"));
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, early))
                .expectException(violation(Kind.INVALID_INPUT, "before-proposal", "seats[0].startDate"))
                .expectNoEvents();
    }

    @Test
    void seatStartingBeforeTheEngagementIsBilledIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(EARLIER_PROPOSAL, NO_TRIAL, SEAT_1), new EngagementActivated(ID, TODAY))
                .when(addSeat("seat-2", "pro-2", date("2025-03-01")))
                .expectException(violation(Kind.INVALID_INPUT, "before-first-billed-day", "startDate"))
                .expectExceptionMessage("2025-03-01 is before the engagement's first billed day (2025-03-10)")
                .expectNoEvents();
    }

    @Test
    void seatAddedToAProposalBeforeItIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposed(TERMS, SEAT_1))
                .when(addSeat("seat-2", "pro-2", date("2025-03-09")))
                .expectException(violation(Kind.INVALID_INPUT, "before-proposal", "startDate"))
                .expectNoEvents();
    }

    @Test
    void seatBackDatedBeyondTheWindowIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_1),
                        new EngagementActivated(ID, date("2024-12-01")))
                .when(addSeat("seat-2", "pro-2", date("2025-01-15")))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "startDate"))
                .expectNoEvents();
    }

    @Test
    void releaseBackDatedBeyondTheWindowIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(proposedOn(date("2024-11-01"), NO_TRIAL, SEAT_1, SEAT_2),
                        new EngagementActivated(ID, date("2024-11-01")))
                .when(new ReleaseSeat(ID, "seat-2", date("2025-01-15"), null))
                .expectException(violation(Kind.INVALID_INPUT, "back-dating-window", "releaseDate"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- Names and texts are plain text

    @ParameterizedTest
    @MethodSource("notPlainText")
    void namesWithControlSurrogateOrBidiCharactersAreRefused(String name, String what) {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", name, "Backend engineer", "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "plain-text", "clientName"))
                .expectExceptionMessage(containsString(what))
                .expectNoEvents();
    }

    static Stream<Arguments> notPlainText() {
        return Stream.of(
                Arguments.of("Acme\u0000GmbH", "U+0000, a control character"),
                Arguments.of("Acme\u001bGmbH", "U+001B, a control character"),
                Arguments.of("Acme\nGmbH", "U+000A, a control character"),
                Arguments.of("Acme\u007fGmbH", "U+007F, a control character"),
                Arguments.of("Acme\ud800GmbH", "U+D800, half of a surrogate pair"),
                Arguments.of("Acme GmbH\udc00", "U+DC00, half of a surrogate pair"),
                Arguments.of("Acme\u202eHbmG", "U+202E, a bidirectional formatting character"),
                Arguments.of("Acme\u2066GmbH", "U+2066, a bidirectional formatting character"),
                Arguments.of("Acme\u200eGmbH", "U+200E, an invisible format character"),
                Arguments.of("Acme\u200fGmbH", "U+200F, an invisible format character"),
                Arguments.of("Acme\u061cGmbH", "U+061C, an invisible format character"),
                Arguments.of("Ac\u200bme GmbH", "U+200B, an invisible format character"),
                Arguments.of("\u200dAcme GmbH", "U+200D, an invisible format character"),
                Arguments.of("Ac\u200c\u200cme GmbH", "U+200C, an invisible format character"),
                Arguments.of("Acme \u200cGmbH", "U+200C, an invisible format character"),
                Arguments.of("\ufeffAcme GmbH", "U+FEFF, an invisible format character"),
                Arguments.of("Acme GmbH\u00ad", "U+00AD, an invisible format character"),
                Arguments.of("\ue000x", "U+E000, a private-use code point"),
                Arguments.of("Acme\uDB80\uDC00", "U+F0000, a private-use code point"),
                Arguments.of("Acme\u180eGmbH", "U+180E, an invisible format character"),
                Arguments.of("Acme \uDB40\uDC01GmbH", "U+E0001, an invisible format character"),
                Arguments.of("Acme\u2028GmbH", "U+2028, a line or paragraph separator"),
                Arguments.of("Acme\u2029GmbH", "U+2029, a line or paragraph separator"),
                Arguments.of("Acme\uffffGmbH", "U+FFFF, a noncharacter"),
                Arguments.of("Acme\ufffeGmbH", "U+FFFE, a noncharacter"),
                Arguments.of("Acme\ufdd0GmbH", "U+FDD0, a noncharacter"),
                Arguments.of("Acme\uD83F\uDFFFGmbH", "U+1FFFF, a noncharacter"));
    }

    @ParameterizedTest(name = "{1} is kept in a name")
    @MethodSource("joinersInsideWords")
    void joinersAndSoftHyphensBetweenVisibleCodePointsAreKept(String name, String what) {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", name, "Backend engineer", "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectEvents(new EngagementProposed(ID, "client-1", name, "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(SEAT_1), TERMS, TODAY));
    }

    static Stream<Arguments> joinersInsideWords() {
        return Stream.of(
                Arguments.of("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "a ZWNJ inside a Persian word"),
                Arguments.of("\u0915\u094d\u200d\u0937", "a ZWJ after a Devanagari virama"),
                Arguments.of("\uD83D\uDC68\u200d\uD83D\uDC69\u200d\uD83D\uDC67", "a ZWJ emoji sequence"),
                Arguments.of("\u2764\ufe0f\u200d\uD83D\uDD25", "a ZWJ after a variation selector"),
                Arguments.of("Donau\u00addampf\u00adschiff", "soft hyphens inside a word"));
    }

    @ParameterizedTest(name = "a name of only {1} is missing")
    @MethodSource("invisibleNames")
    void aNameThatShowsNothingIsRequiredAndTheDetailNamesTheField(String name, String what) {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", name, "Backend engineer", "EUR", BillingModel.MONTHLY,
                        List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "required", "clientName"))
                .expectExceptionMessage("clientName: must not be blank")
                .expectNoEvents();
    }

    static Stream<Arguments> invisibleNames() {
        return Stream.of(
                Arguments.of("\u00a0", "no-break spaces"),
                Arguments.of("\u3000\u3000", "ideographic spaces"),
                Arguments.of(" \u2007\u202f ", "figure and narrow spaces"),
                Arguments.of("\u3164", "a Hangul filler"),
                Arguments.of("\u2800", "a blank Braille pattern"),
                Arguments.of("\u115f\u1160\uffa0", "Hangul fillers"),
                Arguments.of("\u034f", "a combining grapheme joiner"),
                Arguments.of("\ufe0f", "a variation selector"),
                Arguments.of("\u17b4\u17b5", "Khmer inherent vowels"),
                Arguments.of("\uDB40\uDD00", "a variation selector beyond the basic plane (U+E0100)"),
                Arguments.of("\u0301", "a lone combining accent"),
                Arguments.of(" \u0301\ufe0f\u3164 ", "spaces, marks and fillers"));
    }

    @Test
    void aCodePointUnicodeHasNotAssignedIsRefusedAsNotPlainText() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "\u1cbb", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.MALFORMED, "plain-text", "clientName"))
                .expectExceptionMessage("clientName: contains U+1CBB, a code point Unicode has not assigned")
                .expectNoEvents();
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-30"), false, "done \u1cbb", null))
                .expectException(violation(Kind.MALFORMED, "plain-text", "reason"))
                .expectNoEvents();
    }

    @Test
    void aRequiredReasonOfOnlyCombiningMarksIsMissing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-03-20"), true, "\u0301\u034f", null))
                .expectException(violation(Kind.INVALID_INPUT, "reason-required", "reason"))
                .expectNoEvents();
    }

    @Test
    void namesAreStoredWithoutSurroundingFillersAndKeepTheirMarks() {
        NewSeat accented = new NewSeat("seat-1", "pro-1", "Ze\u0301", new BigDecimal("8000.00"), TODAY);
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "\u3164Acme GmbH\u2800", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(new NewSeat("seat-1", "pro-1", "\u115fZe\u0301\uffa0",
                        new BigDecimal("8000.00"), TODAY)), TERMS))
                .expectEvents(proposed(TERMS, accented));
    }

    @Test
    void namesAndReasonsAreStoredWithoutSurroundingSpaces() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, "client-1", "\u00a0Acme GmbH ", " Backend engineer\u3000",
                        "EUR", BillingModel.MONTHLY, List.of(new NewSeat("seat-1", "pro-1", " Ada Lovelace\u00a0",
                        new BigDecimal("8000.00"), TODAY)), TERMS))
                .expectEvents(proposed(TERMS, SEAT_1));
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-30"), false, "\u00a0project done\n", null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, "project done"));
    }

    @Test
    void idsWithSurroundingSpacesAreRefusedNotChanged() {
        fixture.givenCurrentTime(NOW)
                .when(new ProposeEngagement(ID, " client-1", "Acme GmbH", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, List.of(SEAT_1), TERMS))
                .expectException(violation(Kind.INVALID_INPUT, "whitespace", "clientId"))
                .expectNoEvents();
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new AddSeat(ID, "seat-2", "pro-2\u00a0", "Grace Hopper", new BigDecimal("7000.00"), TODAY,
                        null))
                .expectException(violation(Kind.INVALID_INPUT, "whitespace", "professionalId"))
                .expectNoEvents();
    }

    @Test
    void aRequiredReasonOfOnlyInvisibleCharactersIsMissing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-03-20"), true, "\u3164\u00a0", null))
                .expectException(violation(Kind.INVALID_INPUT, "reason-required", "reason"))
                .expectNoEvents();
    }

    @Test
    void noticeWithoutALastDayNamesTheField() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, null, false, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "lastDay"))
                .expectExceptionMessage("lastDay: must not be null")
                .expectNoEvents();
    }

    @Test
    void namesWithLettersBeyondTheBasicPlaneAreAccepted() {
        NewSeat emoji = new NewSeat("seat-1", "pro-1", "Ada \uD83D\uDE00 Lovelace", new BigDecimal("8000.00"),
                TODAY);
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, emoji))
                .expectEvents(proposed(TERMS, emoji));
    }

    @Test
    void seatNamesAreCheckedToo() {
        NewSeat bidi = new NewSeat("seat-1", "pro-1", "Ada \u202eLovelace", new BigDecimal("8000.00"), TODAY);
        fixture.givenCurrentTime(NOW)
                .when(propose(TERMS, bidi))
                .expectException(violation(Kind.MALFORMED, "plain-text", "seats[0].professionalName"))
                .expectNoEvents();
    }

    @Test
    void reasonsMaySpanLinesButHoldNoOtherControlCharacter() {
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-30"), false, "project done\u0000", null))
                .expectException(violation(Kind.MALFORMED, "plain-text", "reason"))
                .expectNoEvents();
        fixture.givenCurrentTime(NOW)
                .andGiven(active(NO_TRIAL, SEAT_1))
                .when(new GiveNotice(ID, date("2025-04-30"), false, "project done.\nThanks!", null))
                .expectEvents(new NoticeGiven(ID, TODAY, date("2025-04-30"), false, "project done.\nThanks!"));
    }

    // ---------------------------------------------------------------- fixtures

    /** A fixture whose forward-dating window reaches the end of the plausible date range. */
    private AggregateTestFixture<Engagement> wideHorizon() {
        AggregateTestFixture<Engagement> wide = new AggregateTestFixture<>(Engagement.class);
        wide.registerInjectableResource(clock);
        wide.registerInjectableResource(new BackDatingWindow(31));
        wide.registerInjectableResource(new ForwardDatingWindow(ForwardDatingWindow.MAX_DAYS));
        wide.registerInjectableResource(new FakeReplacementRecords());
        return wide;
    }

    private static EngagementTerms terms(String timeZone) {
        return terms(timeZone, 30, 30, 14, 90, 2, 5, 5, 30);
    }

    /** Terms with the periods in declaration order, from payment terms to rate-change notice. */
    private static EngagementTerms terms(String timeZone, int... periods) {
        return new EngagementTerms(timeZone, BillingCycle.MONTHLY, periods[0], periods[1], periods[2], periods[3],
                periods[4], periods[5], periods[6], periods[7], IpTrigger.ON_PAYMENT);
    }

    private static ProposeEngagement propose(EngagementTerms terms, NewSeat... seats) {
        return new ProposeEngagement(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", BillingModel.MONTHLY,
                List.of(seats), terms);
    }

    private static ProposeEngagement proposeIn(String currency) {
        return new ProposeEngagement(ID, "client-1", "Acme GmbH", "Backend engineer", currency,
                BillingModel.MONTHLY, List.of(SEAT_1), TERMS);
    }

    private static EngagementProposed proposed(EngagementTerms terms, NewSeat... seats) {
        return new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", BillingModel.MONTHLY,
                List.of(seats), terms, TODAY);
    }

    /** A proposal made on an earlier day than today. */
    private static EngagementProposed proposedOn(LocalDate day, EngagementTerms terms, NewSeat... seats) {
        return new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", BillingModel.MONTHLY,
                List.of(seats), terms, day);
    }

    /** Proposed, then activated today without a trial: terms with a trial are activated by accepting the trial. */
    private static List<Object> active(EngagementTerms terms, NewSeat... seats) {
        if (terms.trialDays() > 0) {
            throw new IllegalArgumentException("a proposal with a trial is never activated; use terms without one");
        }
        List<Object> events = new ArrayList<>();
        events.add(proposed(terms, seats));
        events.add(new EngagementActivated(ID, TODAY));
        return Collections.unmodifiableList(events);
    }

    /** Active without a trial, then paused from the given date. */
    private static List<Object> paused(LocalDate pauseDate) {
        List<Object> events = new ArrayList<>(active(NO_TRIAL, SEAT_1));
        events.add(new EngagementPaused(ID, pauseDate));
        return Collections.unmodifiableList(events);
    }

    private static TrialStarted trialStarted(LocalDate start) {
        return new TrialStarted(ID, start, start.plusDays(TERMS.trialDays() - 1L));
    }

    private static AddSeat addSeat(String seatId, String professionalId, LocalDate startDate) {
        return new AddSeat(ID, seatId, professionalId, "Grace Hopper", new BigDecimal("7000.00"), startDate, null);
    }

    private static SeatAdded seatAdded(String seatId, String professionalId, LocalDate startDate) {
        return new SeatAdded(ID, seatId, professionalId, "Grace Hopper", new BigDecimal("7000.00"), startDate);
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** An event with this payload whose audit metadata states this reason (the system acting when time passes). */
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
