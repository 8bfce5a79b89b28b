package com.engagementledger.billing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.billing.api.FindReconciliation;
import com.engagementledger.billing.api.FindUnbilled;
import com.engagementledger.billing.api.ReconciliationRow;
import com.engagementledger.billing.api.ReconciliationView;
import com.engagementledger.billing.api.UnbilledRow;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.RateSchedule;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.invoicing.api.ApprovedHours;
import com.engagementledger.invoicing.api.BillingBases.BillingParty;
import com.engagementledger.invoicing.api.BillingBasis;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unbilled work and reconciliation on the embedded MongoDB, priced by the {@code InvoiceCalculator} on billing
 * bases a test gives (today is 10 April 2026, UTC): a EUR monthly engagement invoiced for January (after a void)
 * with a difference and for February with a service credit, a KWD one not invoiced yet, a JPY hourly one; amounts
 * worked out by hand.
 */
class WorkViewsTest {

    private static final LocalDate APRIL_10 = LocalDate.of(2026, 4, 10);

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private BillingQueryHandler views;
    private BillingHistory history;

    @BeforeEach
    void views() {
        BatchedWrites writes = new BatchedWrites(STORE.template());
        BillingEngagementsProjection engagements = new BillingEngagementsProjection(writes);
        history = new BillingHistory(new BilledInvoicesProjection(writes), engagements);
        FakeBillingBases bases = new FakeBillingBases()
                .with(party("e-eur", "acme", "EUR", "2026-01-01"),
                        monthly("e-eur", "EUR", "2026-01-01", "3100.00"))
                .with(party("e-kwd", "gulf", "KWD", "2026-03-11"),
                        monthly("e-kwd", "KWD", "2026-03-11", "1000.000"))
                .with(party("e-jpy", "kaito", "JPY", "2026-04-01"),
                        new BillingBasis("e-jpy", Currency.getInstance("JPY"), BillingModel.HOURLY,
                                calendar("2026-04-01", "10000"), null,
                                List.of(hours("2026-04-01", "8"), hours("2026-04-02", "7.5"),
                                        hours("2026-04-13", "8")), List.of()));
        views = handler(bases);

        history.engagement("e-eur", "acme", "EUR");
        history.engagement("e-kwd", "gulf", "KWD");
        history.engagement("e-jpy", "kaito", "JPY");
        history.engagement("e-unknown", "nobody", "EUR");
        history.engagement("e-cancelled", "nobody", "EUR");
        engagements.on(new EngagementCancelled("e-cancelled", LocalDate.of(2025, 12, 20), "no"), 1);

        // January: issued on 1 February and voided on 2 February, issued again on 3 February for 100.00 less
        String first = history.issued("e-eur", "acme", "Acme GmbH", "EUR", "2026-01", "3100.00", "2026-02-01",
                "2026-03-03");
        history.voided(first, "2026-02-02");
        history.issued("e-eur", "acme", "Acme GmbH", "EUR", "2026-01", "3000.00", "2026-02-03", "2026-03-05");
        // February: 3100.00 less a service credit of 50.00; 1000.00 paid, 200.00 refunded, 50.00 credited
        String february = history.issued("e-eur", "acme", "Acme GmbH", "EUR", "2026-02", "3050.00", "-50.00",
                "2026-03-01", "2026-03-31");
        history.payment(february, "1000.00", "2026-03-10");
        history.refund(february, "200.00", "2026-03-20");
        history.creditNote(february, "50.00", "2026-03-25");
        // a draft of March is no invoice
        history.draft("e-eur", "acme", "Acme GmbH", "EUR", "2026-03", "3100.00");
    }

    @Test
    void unbilledIsEveryMonthNoInvoiceIssuedByTheDayCovers() {
        UnbilledView view = views.unbilled(new FindUnbilled(APRIL_10, 0, 50));
        assertThat(view.totalEngagements()).as("every engagement but the cancelled one").isEqualTo(4);
        assertThat(view.totalPages()).isEqualTo(1);
        assertThat(view.rows()).containsExactly(
                // 3100.00 × 10 / 30 = 1033.333…
                unbilled("e-eur", "acme", "EUR", "2026-03", "2026-03-01", "2026-03-31", "3100.00"),
                unbilled("e-eur", "acme", "EUR", "2026-04", "2026-04-01", "2026-04-10", "1033.33"),
                // 15.5 hours × 10000; the hours of 13 April are after the day
                unbilled("e-jpy", "kaito", "JPY", "2026-04", "2026-04-01", "2026-04-02", "155000"),
                // 1000.000 × 21 / 31 = 677.4193…; 1000.000 × 10 / 30 = 333.333…
                unbilled("e-kwd", "gulf", "KWD", "2026-03", "2026-03-11", "2026-03-31", "677.419"),
                unbilled("e-kwd", "gulf", "KWD", "2026-04", "2026-04-01", "2026-04-10", "333.333"));
    }

    @Test
    void anInvoiceCoversItsMonthFromItsIssueDayUntilItsVoid() {
        // issued on 1 February: January is covered; 3100.00 × 1 / 28 = 110.714…
        assertThat(views.unbilled(new FindUnbilled(LocalDate.of(2026, 2, 1), 0, 50)).rows()).containsExactly(
                unbilled("e-eur", "acme", "EUR", "2026-02", "2026-02-01", "2026-02-01", "110.71"));
        // voided on 2 February: January is unbilled again; 3100.00 × 2 / 28 = 221.428…
        assertThat(views.unbilled(new FindUnbilled(LocalDate.of(2026, 2, 2), 0, 50)).rows()).containsExactly(
                unbilled("e-eur", "acme", "EUR", "2026-01", "2026-01-01", "2026-01-31", "3100.00"),
                unbilled("e-eur", "acme", "EUR", "2026-02", "2026-02-01", "2026-02-02", "221.43"));
        // issued again on 3 February
        assertThat(views.unbilled(new FindUnbilled(LocalDate.of(2026, 2, 3), 0, 50)).rows())
                .extracting(UnbilledRow::period).containsExactly("2026-02");
    }

    @Test
    void unbilledRunsOverAPageOfEngagementsById() {
        // by id: e-eur, e-jpy | e-kwd, e-unknown (no basis: no rows)
        assertThat(views.unbilled(new FindUnbilled(APRIL_10, 0, 2)).rows()).extracting(UnbilledRow::engagementId)
                .containsExactly("e-eur", "e-eur", "e-jpy");
        UnbilledView second = views.unbilled(new FindUnbilled(APRIL_10, 1, 2));
        assertThat(second.rows()).extracting(UnbilledRow::engagementId).containsExactly("e-kwd", "e-kwd");
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(views.unbilled(new FindUnbilled(APRIL_10, 2, 2)).rows()).isEmpty();
    }

    @Test
    void reconciliationOfOneEngagementRunsFromItsFirstBilledMonthToTheLastEndedOne() {
        ReconciliationView view = views.reconciliation(new FindReconciliation("e-eur", null, 0, 50)).orElseThrow();
        assertThat(view.rows()).containsExactly(
                // the voided invoice counts for nothing; the one issued says 3000.00 where the terms say 3100.00
                reconciliation("e-eur", "2026-01", "EUR", "3100.00", "3000.00", "0.00", "0.00", "3000.00", "100.00",
                        "DIFFERENCE"),
                // 3100.00 of work and the −50.00 credit the invoice carried; paid 1000.00 − 200.00
                reconciliation("e-eur", "2026-02", "EUR", "3050.00", "3050.00", "800.00", "50.00", "2200.00", "0.00",
                        null),
                // ended on 31 March with a draft only
                reconciliation("e-eur", "2026-03", "EUR", "3100.00", "0.00", "0.00", "0.00", "0.00", "3100.00",
                        "NOT_INVOICED"));
    }

    @Test
    void aMonthNotEndedYetIsExpectedInFullAndNotFlagged() {
        ReconciliationView view = views.reconciliation(new FindReconciliation("e-eur", YearMonth.of(2026, 4), 0, 50))
                .orElseThrow();
        assertThat(view.rows()).containsExactly(reconciliation("e-eur", "2026-04", "EUR", "3100.00", "0.00", "0.00",
                "0.00", "0.00", "3100.00", null));
    }

    @Test
    void reconciliationOfEveryEngagementTakesTheMonthAsked() {
        ReconciliationView view = views.reconciliation(new FindReconciliation(null, YearMonth.of(2026, 3), 0, 50))
                .orElseThrow();
        // e-jpy bills from April: it has no March
        assertThat(view.rows()).containsExactly(
                reconciliation("e-eur", "2026-03", "EUR", "3100.00", "0.00", "0.00", "0.00", "0.00", "3100.00",
                        "NOT_INVOICED"),
                reconciliation("e-kwd", "2026-03", "KWD", "677.419", "0.000", "0.000", "0.000", "0.000", "677.419",
                        "NOT_INVOICED"));
        assertThat(view.totalEngagements()).isEqualTo(4);
        // by default each engagement's last ended month: March
        assertThat(views.reconciliation(new FindReconciliation(null, null, 0, 50)).orElseThrow().rows())
                .isEqualTo(view.rows());
    }

    @Test
    void hoursApprovedAfterTheirMonthWasInvoicedAreUnbilled() {
        // March of an hourly engagement at 50.00 an hour: 16 hours approved when the month was invoiced on 1 April
        // (800.00), 4 more (20 March) approved after: 200.00 billed by no invoice
        BillingParty party = party("e-hrs", "hours", "EUR", "2026-03-01");
        BillingQueryHandler hourly = handler(new FakeBillingBases().with(party,
                new BillingBasis("e-hrs", Currency.getInstance("EUR"), BillingModel.HOURLY,
                        calendar("2026-03-01", "50.00"), null, List.of(hours("2026-03-02", "8"),
                        hours("2026-03-03", "8"), hours("2026-03-20", "4")), List.of())));
        history.issuedWith("e-hrs", "hours", "Hours Ltd", "EUR", "2026-03", "800.00", List.of(new InvoiceLine(
                InvoiceLineKind.HOURS, "s1", "Anna", "Hours", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                new BigDecimal("16"), new BigDecimal("50.00"), new BigDecimal("800.00"))), "2026-04-01",
                "2026-05-01");

        assertThat(hourly.unbilled(party, APRIL_10)).containsExactly(
                unbilled("e-hrs", "hours", "EUR", "2026-03", "2026-03-02", "2026-03-20", "200.00"));
        assertThat(hourly.reconciliation(party, YearMonth.of(2026, 3))).containsExactly(reconciliation("e-hrs",
                "2026-03", "EUR", "1000.00", "800.00", "0.00", "0.00", "800.00", "200.00", "DIFFERENCE"));
        // before the invoice, the whole month
        assertThat(hourly.unbilled(party, LocalDate.of(2026, 3, 31))).containsExactly(
                unbilled("e-hrs", "hours", "EUR", "2026-03", "2026-03-02", "2026-03-20", "1000.00"));
        // an invoice billing every hour leaves nothing; one billing more than the hours now adds nothing either
        history.issuedWith("e-hrs2", "hours", "Hours Ltd", "EUR", "2026-03", "1100.00", List.of(new InvoiceLine(
                InvoiceLineKind.HOURS, "s1", "Anna", "Hours", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20),
                new BigDecimal("22"), new BigDecimal("50"), new BigDecimal("1100.00"))), "2026-04-01",
                "2026-05-01");
        BillingParty billedInFull = party("e-hrs2", "hours", "EUR", "2026-03-01");
        BillingQueryHandler inFull = handler(new FakeBillingBases().with(billedInFull,
                new BillingBasis("e-hrs2", Currency.getInstance("EUR"), BillingModel.HOURLY,
                        calendar("2026-03-01", "50.00"), null, List.of(hours("2026-03-02", "8"),
                        hours("2026-03-03", "8"), hours("2026-03-20", "4")), List.of())));
        assertThat(inFull.unbilled(billedInFull, APRIL_10)).isEmpty();
    }

    @Test
    void anEndedMonthWithNothingToBillAndNothingInvoicedIsNotFlagged() {
        // an hourly engagement without hours in March
        BillingParty party = party("e-idle", "idle", "JPY", "2026-03-01");
        BillingQueryHandler idle = handler(new FakeBillingBases().with(party,
                new BillingBasis("e-idle", Currency.getInstance("JPY"), BillingModel.HOURLY,
                        calendar("2026-03-01", "10000"), null, List.of(), List.of())));
        assertThat(idle.reconciliation(party, YearMonth.of(2026, 3))).containsExactly(
                reconciliation("e-idle", "2026-03", "JPY", "0", "0", "0", "0", "0", "0", null));
    }

    @Test
    void anUnknownEngagementHasNoReconciliation() {
        assertThat(views.reconciliation(new FindReconciliation("e-unknown", null, 0, 50))).isEmpty();
    }

    private static BillingQueryHandler handler(FakeBillingBases bases) {
        return new BillingQueryHandler(new BilledInvoiceReader(STORE.template()), STORE.template(), bases,
                Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC));
    }

    private static BillingParty party(String engagementId, String clientId, String currency, String firstBilledDay) {
        return new BillingParty(engagementId, clientId, "Client " + clientId, currency, "UTC",
                LocalDate.parse(firstBilledDay), null);
    }

    private static BillingBasis monthly(String engagementId, String currency, String start, String rate) {
        return new BillingBasis(engagementId, Currency.getInstance(currency), BillingModel.MONTHLY,
                calendar(start, rate), null, List.of(), List.of());
    }

    private static SeatCalendar calendar(String start, String rate) {
        LocalDate day = LocalDate.parse(start);
        return SeatCalendar.of(List.of(new CalendarSeat("s1", "p1", "Anna", day, null,
                RateSchedule.startingAt(day, new BigDecimal(rate))))).startingOn(day);
    }

    private static ApprovedHours hours(String day, String hours) {
        return new ApprovedHours("s1", LocalDate.parse(day), new BigDecimal(hours));
    }

    private static UnbilledRow unbilled(String engagementId, String clientId, String currency, String period,
                                        String from, String to, String amount) {
        return new UnbilledRow(engagementId, clientId, currency, period, LocalDate.parse(from), LocalDate.parse(to),
                new BigDecimal(amount));
    }

    private static ReconciliationRow reconciliation(String engagementId, String period, String currency,
                                                    String expected, String invoiced, String paid, String credited,
                                                    String outstanding, String difference, String flagReason) {
        return new ReconciliationRow(engagementId, period, currency, new BigDecimal(expected),
                new BigDecimal(invoiced), new BigDecimal(paid), new BigDecimal(credited), new BigDecimal(outstanding),
                new BigDecimal(difference), flagReason != null, flagReason);
    }
}
