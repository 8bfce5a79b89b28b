package com.engagementledger.engagement.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.engagement.api.IpExclusionsSet;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.NoticeGiven;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.SeatAdded;
import com.engagementledger.engagement.api.SeatReleased;
import com.engagementledger.engagement.api.SeatReplacementOpened;
import com.engagementledger.engagement.api.TrialAccepted;
import com.engagementledger.engagement.api.TrialRejected;
import com.engagementledger.engagement.api.TrialStarted;
import com.engagementledger.invoicing.api.CloseInvoicedPeriod;
import com.engagementledger.invoicing.api.CreditDue;
import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.invoicing.api.InvoiceDraftOpened;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoicedPeriodClosed;
import com.engagementledger.invoicing.api.InvoicedPeriodReopened;
import com.engagementledger.invoicing.api.ReopenInvoicedPeriod;
import com.engagementledger.platform.api.Money;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engagement drafts, closes and reopens its invoiced periods (DESIGN.md §3, Invoice; ADR 0032). A monthly EUR
 * engagement in Europe/Berlin with one seat at 3100.00 a month, billed from Monday 2026-01-05 (27 of January's 31
 * days: 2700.00); "now" is 2026-03-10 23:30 UTC, which is already Wednesday 11 March in Berlin.
 */
class EngagementInvoicingTest {

    private static final Instant NOW = Instant.parse("2026-03-10T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    private static final String ID = "eng-1";
    private static final String SEAT = "seat-1";
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final BigDecimal RATE = new BigDecimal("3100.00");
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private AggregateTestFixture<Engagement> fixture;
    private FakeBillingInputs inputs;
    private FakeInvoiceRecords invoices;

    @BeforeEach
    void setUp() {
        inputs = new FakeBillingInputs();
        invoices = new FakeInvoiceRecords();
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(new TestClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerInjectableResource(new BackDatingWindow(31));
        fixture.registerInjectableResource(new ForwardDatingWindow(365));
        fixture.registerInjectableResource(new FakeReplacementRecords());
        fixture.registerInjectableResource(inputs);
        fixture.registerInjectableResource(invoices);
    }

    @Test
    void theFirstDraftOfAPeriodOpensItAndCreatesTheInvoiceComputedFromTheCalendar() {
        fixture.given(active())
                .when(new DraftInvoice(ID, "inv-1", JANUARY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("inv-1")
                .expectEvents(new InvoiceDraftOpened(ID, "inv-1", "2026-01"));
        assertThat(invoices.drafted).singleElement().satisfies(draft -> {
            assertThat(draft.invoiceId()).isEqualTo("inv-1");
            assertThat(draft.engagementId()).isEqualTo(ID);
            assertThat(draft.clientId()).isEqualTo("client-1");
            assertThat(draft.clientName()).isEqualTo("Acme GmbH");
            assertThat(draft.currency()).isEqualTo("EUR");
            assertThat(draft.period()).isEqualTo("2026-01");
            assertThat(draft.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(draft.paymentTermsDays()).isEqualTo(30);
            assertThat(draft.ipTrigger()).isEqualTo(IpTrigger.ON_PAYMENT);
            assertThat(draft.computedOn()).isEqualTo(TODAY);
            assertThat(draft.total()).isEqualByComparingTo("2700.00");
            assertThat(draft.lines()).singleElement().satisfies(line -> {
                assertThat(line.kind()).isEqualTo(InvoiceLineKind.SEAT_FEE);
                assertThat(line.amount()).isEqualByComparingTo("2700.00");
                assertThat(line.quantity()).isEqualByComparingTo("27");
            });
        });
    }

    @Test
    void aPeriodWithADraftRegeneratesItUnderItsOwnId() {
        fixture.given(withDraft(FEBRUARY, "inv-1"))
                .when(new DraftInvoice(ID, "inv-2", FEBRUARY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("inv-1")
                .expectNoEvents();
        assertThat(invoices.drafted).isEmpty();
        assertThat(invoices.regenerated).singleElement().satisfies(regenerated -> {
            assertThat(regenerated.invoiceId()).isEqualTo("inv-1");
            assertThat(regenerated.total()).isEqualByComparingTo("3100.00");
            assertThat(regenerated.computedOn()).isEqualTo(TODAY);
        });
    }

    @Test
    void theCurrentMonthCanBeDraftedButNotIssuedYet() {
        fixture.given(active())
                .when(new DraftInvoice(ID, "inv-3", MARCH))
                .expectEvents(new InvoiceDraftOpened(ID, "inv-3", "2026-03"));
        fixture.given(withDraft(MARCH, "inv-3"))
                .when(new CloseInvoicedPeriod(ID, "inv-3"))
                .expectException(violation(Kind.ILLEGAL_STATE, "period-not-ended", null))
                .expectNoEvents();
    }

    @Test
    void anInvoicedPeriodIsNotDraftedAgainAndTheRefusalNamesItsInvoice() {
        fixture.given(closed(FEBRUARY, "inv-1", List.of()))
                .when(new DraftInvoice(ID, "inv-2", FEBRUARY))
                .expectException(violation(Kind.ILLEGAL_STATE, "period-invoiced", null))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("inv-1"))
                .expectNoEvents();
        assertThat(invoices.drafted).isEmpty();
        assertThat(invoices.regenerated).isEmpty();
    }

    @Test
    void aPeriodOutsideTheBilledMonthsIsRefused() {
        fixture.given(active())
                .when(new DraftInvoice(ID, "inv-1", YearMonth.of(2025, 12)))
                .expectException(violation(Kind.INVALID_INPUT, "before-first-billed-month", "period"));
        fixture.given(active())
                .when(new DraftInvoice(ID, "inv-1", YearMonth.of(2026, 4)))
                .expectException(violation(Kind.INVALID_INPUT, "future-period", "period"));
        fixture.given(active())
                .when(new DraftInvoice(ID, "inv-1", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "period"));
        List<Object> underNotice = new ArrayList<>(active());
        underNotice.add(new NoticeGiven(ID, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 20), false, null));
        fixture.given(underNotice)
                .when(new DraftInvoice(ID, "inv-1", MARCH))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "period"));
    }

    @Test
    void anEngagementThatNeverStartedHasNothingToInvoice() {
        fixture.given(proposed(0))
                .when(new DraftInvoice(ID, "inv-1", JANUARY))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-started", null));
        fixture.given(proposed(14), new TrialStarted(ID, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 2)),
                        new TrialRejected(ID, LocalDate.of(2026, 3, 11), "changed plans"))
                .when(new DraftInvoice(ID, "inv-1", MARCH))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-started", null));
    }

    @Test
    void aRejectedTrialIsDraftedWithItsDaysAtZero() {
        fixture.given(proposed(14), new TrialStarted(ID, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 15)),
                        new TrialRejected(ID, LocalDate.of(2026, 2, 6), "not a fit"))
                .when(new DraftInvoice(ID, "inv-1", FEBRUARY))
                .expectEvents(new InvoiceDraftOpened(ID, "inv-1", "2026-02"));
        assertThat(invoices.drafted).singleElement().satisfies(draft -> {
            assertThat(draft.total()).isEqualByComparingTo("0.00");
            assertThat(draft.lines()).extracting(InvoiceLine::kind).containsExactly(InvoiceLineKind.TRIAL);
        });
        fixture.given(proposed(14), new TrialStarted(ID, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 15)),
                        new TrialRejected(ID, LocalDate.of(2026, 2, 6), "not a fit"))
                .when(new DraftInvoice(ID, "inv-1", MARCH))
                .expectException(violation(Kind.INVALID_INPUT, "after-last-day", "period"));
    }

    @Test
    void anAcceptedTrialIsBilled() {
        fixture.given(proposed(14), new TrialStarted(ID, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 15)),
                        new TrialAccepted(ID, LocalDate.of(2026, 2, 10), false))
                .when(new DraftInvoice(ID, "inv-1", FEBRUARY))
                .expectSuccessfulHandlerExecution();
        // 27 of February's 28 days from the 2nd
        assertThat(invoices.drafted).singleElement().satisfies(draft ->
                assertThat(draft.total()).isEqualByComparingTo("2989.29"));
    }

    @Test
    void closingAnEndedPeriodFixesTheLinesDatesAndCredits() {
        inputs.credits.put("rep-1", new CreditDue("rep-1", SEAT, LocalDate.of(2026, 2, 20), 2,
                Money.of("285.00", "EUR")));
        List<Object> history = new ArrayList<>(active());
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-1", LocalDate.of(2026, 2, 2), true));
        history.add(new InvoiceDraftOpened(ID, "inv-1", "2026-02"));
        fixture.given(history)
                .when(new CloseInvoicedPeriod(ID, "inv-1"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.<Object>allOf(
                                        org.hamcrest.Matchers.instanceOf(InvoicedPeriodClosed.class),
                                        org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.allOf(
                                                org.hamcrest.Matchers.containsString("invoiceId=inv-1"),
                                                org.hamcrest.Matchers.containsString("period=2026-02"),
                                                org.hamcrest.Matchers.containsString("issueDate=2026-03-11"),
                                                org.hamcrest.Matchers.containsString("dueDate=2026-04-10"),
                                                org.hamcrest.Matchers.containsString("total=2815.00"),
                                                org.hamcrest.Matchers.containsString(
                                                        "creditReplacementIds=[rep-1]"))))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void anInvoicesTransferCarriesTheExclusionsInEffectWhenItClosedThePeriodNotThoseSetSince() {
        List<Object> history = new ArrayList<>(active());
        history.add(new IpExclusionsSet(ID, List.of("Acme UI kit"), "MSA clause 9"));
        history.add(new InvoiceDraftOpened(ID, "inv-1", "2026-02"));
        fixture.given(history)
                .andGivenCommands(new CloseInvoicedPeriod(ID, "inv-1"))
                .when(new SetIpExclusions(ID, List.of("Charting lib"), "annex 3", null))
                .expectEvents(new IpExclusionsSet(ID, List.of("Charting lib"), "annex 3"))
                .expectState(engagement -> {
                    assertThat(engagement.ipTerms("inv-1").exclusions()).as("as the invoice was issued")
                            .containsExactly("Acme UI kit");
                    assertThat(engagement.ipTerms("inv-unknown").exclusions())
                            .as("an invoice the engagement never closed: the current list")
                            .containsExactly("Charting lib");
                });
    }

    @Test
    void closingAgainAnswersTheCloseRecordedAndAnUnknownInvoiceIsNoDraft() {
        InvoicedPeriodClosed close = close(FEBRUARY, "inv-1", List.of());
        List<Object> history = new ArrayList<>(withDraft(FEBRUARY, "inv-1"));
        history.add(close);
        fixture.given(history)
                .when(new CloseInvoicedPeriod(ID, "inv-1"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(close)
                .expectNoEvents();
        fixture.given(active())
                .when(new CloseInvoicedPeriod(ID, "inv-9"))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-a-draft", null));
    }

    @Test
    void aCreditOnAClosedInvoiceIsOnNoLaterOneUntilThatInvoiceIsReopened() {
        inputs.credits.put("rep-1", new CreditDue("rep-1", SEAT, LocalDate.of(2026, 2, 20), 2,
                Money.of("285.00", "EUR")));
        List<Object> history = new ArrayList<>(active());
        history.add(new SeatReplacementOpened(ID, SEAT, "rep-1", LocalDate.of(2026, 2, 2), true));
        history.add(new InvoiceDraftOpened(ID, "inv-1", "2026-02"));
        history.add(close(FEBRUARY, "inv-1", List.of("rep-1")));
        fixture.given(history)
                .when(new DraftInvoice(ID, "inv-2", MARCH))
                .expectSuccessfulHandlerExecution();
        assertThat(inputs.creditsAskedFor).containsExactly(List.of());
        assertThat(invoices.drafted).singleElement().satisfies(draft -> assertThat(draft.lines())
                .extracting(InvoiceLine::kind).doesNotContain(InvoiceLineKind.SERVICE_CREDIT));

        history.add(new InvoicedPeriodReopened(ID, "inv-1", "2026-02", List.of("rep-1")));
        fixture.given(history)
                .when(new DraftInvoice(ID, "inv-3", FEBRUARY))
                .expectEvents(new InvoiceDraftOpened(ID, "inv-3", "2026-02"));
        assertThat(invoices.drafted).last().satisfies(draft -> assertThat(draft.lines())
                .extracting(InvoiceLine::kind).contains(InvoiceLineKind.SERVICE_CREDIT));
    }

    @Test
    void reopeningFreesAClosedPeriodWithItsCreditsOrADraftsPeriodAndIsIdempotent() {
        List<Object> history = new ArrayList<>(active());
        history.add(new InvoiceDraftOpened(ID, "inv-1", "2026-02"));
        history.add(close(FEBRUARY, "inv-1", List.of("rep-1")));
        fixture.given(history)
                .when(new ReopenInvoicedPeriod(ID, "inv-1"))
                .expectEvents(new InvoicedPeriodReopened(ID, "inv-1", "2026-02", List.of("rep-1")));
        fixture.given(withDraft(FEBRUARY, "inv-1"))
                .when(new ReopenInvoicedPeriod(ID, "inv-1"))
                .expectEvents(new InvoicedPeriodReopened(ID, "inv-1", "2026-02", List.of()));
        history.add(new InvoicedPeriodReopened(ID, "inv-1", "2026-02", List.of("rep-1")));
        fixture.given(history)
                .when(new ReopenInvoicedPeriod(ID, "inv-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(history)
                .when(new CloseInvoicedPeriod(ID, "inv-1"))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-a-draft", null));
    }

    @Test
    void seatsAndPausesReachingIntoAnInvoicedPeriodAreRefusedNamingTheInvoice() {
        List<Object> history = new ArrayList<>(closed(FEBRUARY, "inv-1", List.of()));
        history.add(new SeatAdded(ID, "seat-2", "pro-2", "Grace Hopper", RATE, LocalDate.of(2026, 1, 12)));
        fixture.given(history)
                .when(new AddSeat(ID, "seat-3", "pro-3", "Alan Turing", RATE, LocalDate.of(2026, 2, 20), null))
                .expectException(periodInvoiced())
                .expectNoEvents();
        fixture.given(history)
                .when(new ReleaseSeat(ID, "seat-2", LocalDate.of(2026, 2, 25), null))
                .expectException(periodInvoiced())
                .expectNoEvents();
        fixture.given(history)
                .when(new PauseEngagement(ID, LocalDate.of(2026, 2, 26), null))
                .expectException(periodInvoiced())
                .expectNoEvents();
        // the day after the invoiced period is free
        fixture.given(history)
                .when(new ReleaseSeat(ID, "seat-2", LocalDate.of(2026, 3, 1), null))
                .expectEvents(new SeatReleased(ID, "seat-2", LocalDate.of(2026, 3, 1)));
        fixture.given(history)
                .when(new PauseEngagement(ID, LocalDate.of(2026, 3, 1), null))
                .expectEvents(new EngagementPaused(ID, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void aResumeReachingIntoAnInvoicedPeriodIsRefusedAndOneAfterItIsNot() {
        List<Object> history = new ArrayList<>(active());
        history.add(new EngagementPaused(ID, LocalDate.of(2026, 2, 10)));
        history.add(new InvoiceDraftOpened(ID, "inv-1", "2026-02"));
        history.add(close(FEBRUARY, "inv-1", List.of()));
        fixture.given(history)
                .when(new com.engagementledger.engagement.api.ResumeEngagement(ID, LocalDate.of(2026, 2, 20), null))
                .expectException(periodInvoiced())
                .expectNoEvents();
        fixture.given(history)
                .when(new com.engagementledger.engagement.api.ResumeEngagement(ID, LocalDate.of(2026, 3, 2), null))
                .expectEvents(new com.engagementledger.engagement.api.EngagementResumed(ID,
                        LocalDate.of(2026, 3, 2)));
    }

    private static org.hamcrest.Matcher<RuleViolation> periodInvoiced() {
        return org.hamcrest.Matchers.allOf(violation(Kind.ILLEGAL_STATE, "period-invoiced", null),
                org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("inv-1"),
                        org.hamcrest.Matchers.containsString("2026-02"))));
    }

    private static EngagementProposed proposed(int trialDays) {
        EngagementTerms terms = new EngagementTerms("Europe/Berlin", BillingCycle.MONTHLY, 30, 30, trialDays, 90, 2,
                5, 5, 30, IpTrigger.ON_PAYMENT);
        return new EngagementProposed(ID, "client-1", "Acme GmbH", "Backend engineer", "EUR", BillingModel.MONTHLY,
                List.of(new NewSeat(SEAT, "pro-1", "Ada Lovelace", RATE, START)), terms, START);
    }

    private static List<Object> active() {
        return List.of(proposed(0), new EngagementActivated(ID, START));
    }

    private static List<Object> withDraft(YearMonth period, String invoiceId) {
        List<Object> history = new ArrayList<>(active());
        history.add(new InvoiceDraftOpened(ID, invoiceId, period.toString()));
        return history;
    }

    private static List<Object> closed(YearMonth period, String invoiceId, List<String> credits) {
        List<Object> history = new ArrayList<>(withDraft(period, invoiceId));
        history.add(close(period, invoiceId, credits));
        return history;
    }

    private static InvoicedPeriodClosed close(YearMonth period, String invoiceId, List<String> credits) {
        return new InvoicedPeriodClosed(ID, invoiceId, period.toString(), TODAY, TODAY.plusDays(30), "EUR",
                List.of(new InvoiceLine(InvoiceLineKind.SEAT_FEE, SEAT, "Ada Lovelace", "seat fee",
                        period.atDay(1), period.atEndOfMonth(), new BigDecimal("28"), RATE, RATE)),
                RATE, credits);
    }
}
