package com.engagementledger.invoicing.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.ChargebackRecorded;
import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.DisputeInvoice;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceDisputeResolved;
import com.engagementledger.invoicing.api.InvoiceDisputed;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.InvoicedPeriods;
import com.engagementledger.invoicing.api.IssueCreditNote;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RecordChargeback;
import com.engagementledger.invoicing.api.RecordInvoiceIssue;
import com.engagementledger.invoicing.api.RecordPayment;
import com.engagementledger.invoicing.api.RecordRefund;
import com.engagementledger.invoicing.api.RefundRecorded;
import com.engagementledger.invoicing.api.ResolveInvoiceDispute;
import com.engagementledger.invoicing.api.VoidInvoice;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
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
 * The invoice from draft to paid or void (DESIGN.md §3, Invoice): a EUR invoice of 1000.00 for February 2026, issued
 * on 2026-03-02 as INV-2026-000007; "now" is 2026-03-20 23:30 UTC, already 21 March in Berlin.
 */
class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-03-20T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 21);
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 3, 2);
    private static final LocalDate DUE = ISSUED_ON.plusDays(30);
    private static final String ID = "inv-1";
    private static final String NUMBER = "INV-2026-000007";
    private static final BigDecimal TOTAL = new BigDecimal("1000.00");
    private static final List<InvoiceLine> LINES = List.of(new InvoiceLine(InvoiceLineKind.SEAT_FEE, "seat-1",
            "Ada Lovelace", "seat fee", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), new BigDecimal("28"),
            TOTAL, TOTAL));

    private AggregateTestFixture<Invoice> fixture;
    private FakePeriods periods;

    @BeforeEach
    void setUp() {
        periods = new FakePeriods();
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(new TestClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerInjectableResource(periods);
    }

    @Test
    void aDraftAnswersItsEngagementForIssuingAndAnIssuedOneIsRefused() {
        fixture.given(drafted())
                .when(new CheckInvoiceIssuable(ID, null))
                .expectResultMessagePayload("eng-1")
                .expectNoEvents();
        fixture.given(drafted(), issued())
                .when(new CheckInvoiceIssuable(ID, null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void theIssueIsRecordedWithTheBalanceOfTheTotalAndAnsweredAsBeforeForTheSameNumber() {
        fixture.given(drafted())
                .when(new RecordInvoiceIssue(ID, NUMBER, ISSUED_ON, DUE, LINES, TOTAL))
                .expectEvents(issued());
        fixture.given(drafted(), issued())
                .when(new RecordInvoiceIssue(ID, NUMBER, ISSUED_ON, DUE, LINES, TOTAL))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L - 1)
                .expectNoEvents();
        fixture.given(drafted(), issued())
                .when(new RecordInvoiceIssue(ID, "INV-2026-000008", ISSUED_ON, DUE, LINES, TOTAL))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aPartialPaymentThenTheRestPayTheInvoice() {
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "400.00", "EUR", LocalDate.of(2026, 3, 10)))
                .expectEvents(new PaymentRecorded(ID, "pay-1", new BigDecimal("400.00"), "EUR",
                        LocalDate.of(2026, 3, 10), "bank ref 1", balance("400.00", "0", "0", "0", "600.00")))
                .expectResultMessagePayload(2L);
        assertThat(balance("400.00", "0", "0", "0", "600.00").status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(pay("pay-2", "600", "EUR", null))
                .expectEvents(new PaymentRecorded(ID, "pay-2", new BigDecimal("600.00"), "EUR", TODAY,
                        "bank ref 1", balance("1000.00", "0", "0", "0", "0.00")));
    }

    @Test
    void overPaymentIsRefused() {
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(pay("pay-2", "600.01", "EUR", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "over-payment", "amount"))
                .expectNoEvents();
    }

    @Test
    void anAmountIsPositiveInTheCurrencysMinorUnitAndTheInvoicesCurrency() {
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "0", "EUR", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "positive", "amount"));
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "-5.00", "EUR", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "positive", "amount"));
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "5.001", "EUR", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "minor-unit", "amount"));
        fixture.given(drafted(), issued())
                .when(new RecordPayment(ID, "pay-1", null, "EUR", TODAY, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "amount"));
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "5.00", "USD", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "currency-mismatch", "currency"));
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "5.00", "EURO", TODAY))
                .expectException(violation(Kind.INVALID_INPUT, "currency", "currency"));
    }

    @Test
    void aPaymentIsDatedFromTheIssueToToday() {
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "5.00", "EUR", TODAY.plusDays(1)))
                .expectException(violation(Kind.INVALID_INPUT, "future-date", "receivedOn"));
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "5.00", "EUR", ISSUED_ON.minusDays(1)))
                .expectException(violation(Kind.INVALID_INPUT, "before-issue-date", "receivedOn"));
        fixture.given(drafted(), issued())
                .when(pay("pay-1", "5.00", "EUR", ISSUED_ON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noMoneyMovesOnADraftOrAVoidInvoice() {
        fixture.given(drafted())
                .when(pay("pay-1", "5.00", "EUR", TODAY))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
        fixture.given(drafted(), issued(), voided(true))
                .when(pay("pay-1", "5.00", "EUR", TODAY))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
        fixture.given(drafted(), issued(), voided(true))
                .when(new IssueCreditNote(ID, "cn-1", new BigDecimal("5.00"), "EUR", TODAY, "goodwill", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void aPaymentIdIsRecordedOnceAndNotReusedForOtherContent() {
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"), paid("pay-2", "600.00"))
                .when(pay("pay-1", "400.00", "EUR", LocalDate.of(2026, 3, 10)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L)
                .expectNoEvents();
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(pay("pay-1", "300.00", "EUR", LocalDate.of(2026, 3, 10)))
                .expectException(violation(Kind.ILLEGAL_STATE, "id-reused", null))
                .expectNoEvents();
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new RecordRefund(ID, "pay-1", new BigDecimal("400.00"), "EUR", LocalDate.of(2026, 3, 10),
                        "bank ref 1", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "id-reused", null));
    }

    @Test
    void aRefundReopensTheBalanceUpToWhatIsPaidAndKept() {
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new RecordRefund(ID, "ref-1", new BigDecimal("150.00"), "EUR", TODAY, "double booking", null))
                .expectEvents(new RefundRecorded(ID, "ref-1", new BigDecimal("150.00"), "EUR", TODAY,
                        "double booking", balance("400.00", "150.00", "0", "0", "750.00")));
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new RecordRefund(ID, "ref-1", new BigDecimal("400.01"), "EUR", TODAY, "too much", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount"));
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new RecordRefund(ID, "ref-1", new BigDecimal("10.00"), "EUR", TODAY, "  ", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new RecordRefund(ID, "ref-1", new BigDecimal("10.00"), "EUR", TODAY.plusDays(1), "x", null))
                .expectException(violation(Kind.INVALID_INPUT, "future-date", "refundedOn"));
    }

    @Test
    void aChargebackTakesBackAtMostWhatIsPaidAndKept() {
        List<Object> history = List.of(drafted(), issued(), paid("pay-1", "400.00"),
                new RefundRecorded(ID, "ref-1", new BigDecimal("100.00"), "EUR", TODAY, "partial",
                        balance("400.00", "100.00", "0", "0", "700.00")));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", new BigDecimal("300.01"), "EUR", TODAY, "bank", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount"));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", new BigDecimal("300.00"), "EUR", TODAY, "card dispute", null))
                .expectEvents(new ChargebackRecorded(ID, "cb-1", new BigDecimal("300.00"), "EUR", TODAY,
                        "card dispute", balance("400.00", "100.00", "300.00", "0", "1000.00")));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", new BigDecimal("1.00"), "EUR", TODAY, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", new BigDecimal("1.00"), "EUR", ISSUED_ON.minusDays(1), "x",
                        null))
                .expectException(violation(Kind.INVALID_INPUT, "before-issue-date", "chargedBackOn"));
    }

    @Test
    void aCreditNoteReducesTheBalanceButNeverBelowZero() {
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new IssueCreditNote(ID, "cn-1", new BigDecimal("600.00"), "EUR", null, "goodwill", null))
                .expectEvents(new CreditNoteIssued(ID, "cn-1", new BigDecimal("600.00"), "EUR", TODAY, "goodwill",
                        balance("400.00", "0", "0", "600.00", "0.00")));
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new IssueCreditNote(ID, "cn-1", new BigDecimal("600.01"), "EUR", TODAY, "goodwill", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-balance", "amount"));
        fixture.given(drafted(), issued())
                .when(new IssueCreditNote(ID, "cn-1", new BigDecimal("1.00"), "EUR", TODAY, "", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(drafted(), issued())
                .when(new IssueCreditNote(ID, "cn-1", new BigDecimal("1.00"), "EUR", TODAY.plusDays(1), "x", null))
                .expectException(violation(Kind.INVALID_INPUT, "future-date", "issuedOn"));
    }

    @Test
    void aBackDatedRefundNeverTakesBackAPaymentReceivedAfterIt() {
        PaymentRecorded paidOn10th = new PaymentRecorded(ID, "pay-1", money("100.00"), "EUR", day(10), "bank",
                balance("100.00", "0", "0", "0", "900.00"));
        fixture.given(drafted(), issued(), paidOn10th)
                .when(new RecordRefund(ID, "ref-1", money("100.00"), "EUR", day(4), "before it was paid", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount", "as of 2026-03-04"))
                .expectNoEvents();
        fixture.given(drafted(), issued(), paidOn10th)
                .when(new RecordRefund(ID, "ref-1", money("100.00"), "EUR", day(12), "paid back", null))
                .expectEvents(new RefundRecorded(ID, "ref-1", money("100.00"), "EUR", day(12), "paid back",
                        balance("100.00", "100.00", "0", "0", "1000.00")));
        // a refund dated before a later refund may not leave that one above what was paid and kept
        fixture.given(drafted(), issued(), paidOn10th,
                        new RefundRecorded(ID, "ref-1", money("60.00"), "EUR", day(15), "part",
                                balance("100.00", "60.00", "0", "0", "960.00")))
                .when(new RecordRefund(ID, "ref-2", money("40.01"), "EUR", day(11), "more", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount", "as of 2026-03-15"));
    }

    @Test
    void aBackDatedChargebackTakesBackAtMostWhatIsPaidAndKeptOnEveryLaterDate() {
        List<Object> history = List.of(drafted(), issued(),
                new PaymentRecorded(ID, "pay-1", money("400.00"), "EUR", day(10), "bank",
                        balance("400.00", "0", "0", "0", "600.00")),
                new RefundRecorded(ID, "ref-1", money("100.00"), "EUR", day(15), "partial",
                        balance("400.00", "100.00", "0", "0", "700.00")));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", money("1.00"), "EUR", day(9), "before payment", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount", "as of 2026-03-09"));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", money("300.01"), "EUR", day(12), "card", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount", "as of 2026-03-15"));
        fixture.given(history)
                .when(new RecordChargeback(ID, "cb-1", money("300.00"), "EUR", day(12), "card", null))
                .expectEvents(new ChargebackRecorded(ID, "cb-1", money("300.00"), "EUR", day(12), "card",
                        balance("400.00", "100.00", "300.00", "0", "1000.00")));
    }

    @Test
    void aBackDatedCreditNoteNeverTakesAnEarlierBalanceBelowZero() {
        // paid in full on the 5th, half refunded on the 8th: the balance was 0 from the 5th to the 7th
        List<Object> history = List.of(drafted(), issued(),
                new PaymentRecorded(ID, "pay-1", money("1000.00"), "EUR", day(5), "bank",
                        balance("1000.00", "0", "0", "0", "0.00")),
                new RefundRecorded(ID, "ref-1", money("500.00"), "EUR", day(8), "half back",
                        balance("1000.00", "500.00", "0", "0", "500.00")));
        fixture.given(history)
                .when(new IssueCreditNote(ID, "cn-1", money("500.00"), "EUR", day(2), "goodwill", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-balance", "amount", "as of 2026-03-05"))
                .expectNoEvents();
        fixture.given(history)
                .when(new IssueCreditNote(ID, "cn-1", money("0.01"), "EUR", day(6), "goodwill", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-balance", "amount", "as of 2026-03-06"));
        fixture.given(history)
                .when(new IssueCreditNote(ID, "cn-1", money("500.00"), "EUR", day(8), "goodwill", null))
                .expectEvents(new CreditNoteIssued(ID, "cn-1", money("500.00"), "EUR", day(8), "goodwill",
                        balance("1000.00", "500.00", "0", "500.00", "0.00")));
    }

    @Test
    void aBackDatedPaymentNeverOverPaysAsOfALaterDate() {
        // paid in full on the 12th and refunded on the 14th: the balance is 1000 again, but was 0 on the 12th
        List<Object> history = List.of(drafted(), issued(),
                new PaymentRecorded(ID, "pay-1", money("1000.00"), "EUR", day(12), "bank",
                        balance("1000.00", "0", "0", "0", "0.00")),
                new RefundRecorded(ID, "ref-1", money("1000.00"), "EUR", day(14), "wrong account",
                        balance("1000.00", "1000.00", "0", "0", "1000.00")));
        fixture.given(history)
                .when(pay("pay-2", "1000.00", "EUR", day(5)))
                .expectException(violation(Kind.INVALID_INPUT, "over-payment", "amount", "as of 2026-03-12"))
                .expectNoEvents();
        fixture.given(history)
                .when(pay("pay-2", "1000.00", "EUR", day(14)))
                .expectEvents(new PaymentRecorded(ID, "pay-2", money("1000.00"), "EUR", day(14), "bank ref 1",
                        balance("2000.00", "1000.00", "0", "0", "0.00")));
        // a credit note on the 15th leaves 400 due from then on, however early the payment is dated
        List<Object> credited = List.of(drafted(), issued(),
                new CreditNoteIssued(ID, "cn-1", money("600.00"), "EUR", day(15), "goodwill",
                        balance("0", "0", "0", "600.00", "400.00")));
        fixture.given(credited)
                .when(pay("pay-1", "400.01", "EUR", day(10)))
                .expectException(violation(Kind.INVALID_INPUT, "over-payment", "amount", "as of 2026-03-15"));
        fixture.given(credited)
                .when(pay("pay-1", "400.00", "EUR", day(10)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void movementsOfTheSameDateCountTogetherAndANewOneAfterThoseRecorded() {
        List<Object> history = List.of(drafted(), issued(),
                new PaymentRecorded(ID, "pay-1", money("400.00"), "EUR", day(10), "bank",
                        balance("400.00", "0", "0", "0", "600.00")));
        // a refund of the payment's own date takes it back; one dated the day before does not
        fixture.given(history)
                .when(new RecordRefund(ID, "ref-1", money("400.00"), "EUR", day(10), "same day", null))
                .expectEvents(new RefundRecorded(ID, "ref-1", money("400.00"), "EUR", day(10), "same day",
                        balance("400.00", "400.00", "0", "0", "1000.00")));
        fixture.given(history)
                .when(new RecordRefund(ID, "ref-1", money("400.00"), "EUR", day(9), "day before", null))
                .expectException(violation(Kind.INVALID_INPUT, "above-net-paid", "amount", "as of 2026-03-09"));
        // a payment and a refund of the 10th in that order: a credit note of the 10th sees the balance after both
        List<Object> refunded = new ArrayList<>(history);
        refunded.add(new RefundRecorded(ID, "ref-1", money("400.00"), "EUR", day(10), "same day",
                balance("400.00", "400.00", "0", "0", "1000.00")));
        fixture.given(refunded)
                .when(new IssueCreditNote(ID, "cn-1", money("1000.00"), "EUR", day(10), "waived", null))
                .expectEvents(new CreditNoteIssued(ID, "cn-1", money("1000.00"), "EUR", day(10), "waived",
                        balance("400.00", "400.00", "0", "1000.00", "0.00")));
    }

    @Test
    void anIssuedInvoiceWithNothingPaidIsVoidedKeepingItsNumber() {
        fixture.given(drafted(), issued())
                .when(new VoidInvoice(ID, "wrong client", null))
                .expectEvents(voided(true));
        assertThat(periods.released).isEmpty();
        // paid and refunded in full: nothing is kept
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"),
                        new RefundRecorded(ID, "ref-1", new BigDecimal("400.00"), "EUR", TODAY, "back",
                                balance("400.00", "400.00", "0", "0", "1000.00")))
                .when(new VoidInvoice(ID, "wrong client", null))
                .expectEvents(voided(true));
    }

    @Test
    void anInvoiceWithMoneyPaidIsNotVoidedAndAVoidNeedsAReason() {
        fixture.given(drafted(), issued(), paid("pay-1", "400.00"))
                .when(new VoidInvoice(ID, "wrong client", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "paid", null))
                .expectNoEvents();
        fixture.given(drafted(), issued())
                .when(new VoidInvoice(ID, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(drafted(), issued(), voided(true))
                .when(new VoidInvoice(ID, "again", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
    }

    @Test
    void aVoidedDraftFreesItsPeriodOnTheEngagementUnlessItsIssueIsUnderWay() {
        fixture.given(drafted())
                .when(new VoidInvoice(ID, "drafted by mistake", null))
                .expectEvents(new InvoiceVoided(ID, "eng-1", "2026-02", false, TODAY, "drafted by mistake"));
        assertThat(periods.released).containsExactly("eng-1/" + ID);

        periods.refuse = true;
        fixture.given(drafted())
                .when(new VoidInvoice(ID, "drafted by mistake", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "issue-in-progress", null))
                .expectNoEvents();
    }

    @Test
    void oneDisputeAtATimeEachWithAReason() {
        fixture.given(drafted(), issued())
                .when(new DisputeInvoice(ID, "hours too high", null))
                .expectEvents(new InvoiceDisputed(ID, "hours too high", TODAY));
        fixture.given(drafted(), issued(), new InvoiceDisputed(ID, "hours too high", TODAY))
                .when(new DisputeInvoice(ID, "again", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "dispute-open", null));
        fixture.given(drafted(), issued(), new InvoiceDisputed(ID, "hours too high", TODAY))
                .when(new ResolveInvoiceDispute(ID, "hours confirmed", null))
                .expectEvents(new InvoiceDisputeResolved(ID, "hours confirmed", TODAY));
        fixture.given(drafted(), issued(), new InvoiceDisputed(ID, "a", TODAY),
                        new InvoiceDisputeResolved(ID, "b", TODAY))
                .when(new DisputeInvoice(ID, "again", null))
                .expectEvents(new InvoiceDisputed(ID, "again", TODAY));
        fixture.given(drafted(), issued())
                .when(new ResolveInvoiceDispute(ID, "nothing", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "no-dispute", null));
        fixture.given(drafted(), issued())
                .when(new DisputeInvoice(ID, " ", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(drafted())
                .when(new DisputeInvoice(ID, "not issued", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null));
        fixture.given(drafted(), issued(), new InvoiceDisputed(ID, "a", TODAY))
                .when(new ResolveInvoiceDispute(ID, null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
    }

    @Test
    void anInvoiceOfZeroOrLessIsSettledWhenIssued() {
        assertThat(InvoiceBalance.issued(new BigDecimal("-50.00")).status()).isEqualTo(InvoiceStatus.PAID);
        fixture.given(drafted())
                .when(new RecordInvoiceIssue(ID, NUMBER, ISSUED_ON, DUE, List.of(), new BigDecimal("0.00")))
                .expectSuccessfulHandlerExecution();
    }

    private static InvoiceDrafted drafted() {
        return new InvoiceDrafted(ID, "eng-1", "client-1", "Acme GmbH", "EUR", "2026-02", "Europe/Berlin", 30,
                IpTrigger.ON_PAYMENT, LINES, TOTAL, LocalDate.of(2026, 3, 1));
    }

    private static InvoiceIssued issued() {
        return new InvoiceIssued(ID, "eng-1", "client-1", "2026-02", NUMBER, ISSUED_ON, DUE, "EUR", LINES, TOTAL,
                IpTrigger.ON_PAYMENT, InvoiceBalance.issued(TOTAL));
    }

    private static InvoiceVoided voided(boolean wasIssued) {
        return new InvoiceVoided(ID, "eng-1", "2026-02", wasIssued, TODAY, "wrong client");
    }

    private static PaymentRecorded paid(String paymentId, String amount) {
        BigDecimal paid = new BigDecimal(amount);
        return new PaymentRecorded(ID, paymentId, paid, "EUR", LocalDate.of(2026, 3, 10), "bank ref 1",
                new InvoiceBalance(TOTAL, paid, zero(), zero(), zero(), TOTAL.subtract(paid)));
    }

    private static RecordPayment pay(String paymentId, String amount, String currency, LocalDate receivedOn) {
        return new RecordPayment(ID, paymentId, new BigDecimal(amount), currency, receivedOn, "bank ref 1", null);
    }

    private static InvoiceBalance balance(String paid, String refunded, String chargedBack, String credited,
                                          String balance) {
        return new InvoiceBalance(TOTAL, money(paid), money(refunded), money(chargedBack), money(credited),
                money(balance));
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }

        private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    private static BigDecimal zero() {
        return new BigDecimal("0.00");
    }

    /** The engagement's side of voiding a draft. */
    static final class FakePeriods implements InvoicedPeriods {

        final List<String> released = new ArrayList<>();
        boolean refuse;

        @Override
        public void releaseDraft(String engagementId, String invoiceId) {
            if (refuse) {
                throw RuleViolation.illegalState("issue-in-progress", "being issued");
            }
            released.add(engagementId + "/" + invoiceId);
        }
    }
}
