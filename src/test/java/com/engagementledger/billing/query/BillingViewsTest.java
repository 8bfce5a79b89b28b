package com.engagementledger.billing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.billing.api.AgingRow;
import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.FindAging;
import com.engagementledger.billing.api.FindRevenue;
import com.engagementledger.billing.api.RevenueRow;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Aging and revenue from the billing projection on the embedded MongoDB, with amounts worked out by hand in EUR (2
 * minor digits), JPY (0) and KWD (3): the aging buckets at their boundaries, partial payments and credit notes, a
 * refund and a chargeback reopening a paid invoice, a void, drafts and later invoices left out, and a day before a
 * payment.
 */
class BillingViewsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private BilledInvoicesProjection invoices;
    private BillingHistory history;
    private BillingQueryHandler views;

    @BeforeEach
    void views() {
        BatchedWrites writes = new BatchedWrites(STORE.template());
        invoices = new BilledInvoicesProjection(writes);
        history = new BillingHistory(invoices, new BillingEngagementsProjection(writes));
        views = new BillingQueryHandler(new BilledInvoiceReader(STORE.template()), STORE.template(),
                new FakeBillingBases(), Clock.fixed(Instant.parse("2026-07-15T12:00:00Z"), ZoneOffset.UTC));
        record();
    }

    /** The history every test reads; days past due are counted at 2026-06-30. */
    private void record() {
        // Acme, EUR: one invoice per boundary, all issued on 1 March, due n days before 30 June
        acme("5.05", "2026-07-05");   // due in 5 days: current
        acme("100.00", "2026-06-30"); // due today, 0 days past due: current
        acme("1.01", "2026-06-29");   // 1
        acme("30.30", "2026-05-31");  // 30
        acme("31.31", "2026-05-30");  // 31
        acme("60.60", "2026-05-01");  // 60
        acme("61.61", "2026-04-30");  // 61
        acme("90.90", "2026-04-01");  // 90
        acme("91.91", "2026-03-31");  // 91
        history.draft("e-acme", "acme", "Acme GmbH", "EUR", "2026-06", "777.77");
        history.issued("e-acme", "acme", "Acme AG", "EUR", "2026-06", "200.00", "2026-07-01", "2026-07-31");

        // Beta, EUR: paid in full in April, then a refund and a chargeback in June reopen 350.00
        String beta = history.issued("e-beta", "beta", "Beta Ltd", "EUR", "2026-03", "1000.00", "2026-04-01",
                "2026-05-01");
        history.payment(beta, "1000.00", "2026-04-20");
        history.refund(beta, "250.00", "2026-06-10");
        history.chargeback(beta, "100.00", "2026-06-20");

        // Kaito, JPY: a partial payment and a credit note in June
        String kaito = history.issued("e-kaito", "kaito", "Kaito KK", "JPY", "2026-04", "677419", "2026-05-20",
                "2026-06-19");
        history.payment(kaito, "177419", "2026-06-25");
        history.creditNote(kaito, "77419", "2026-06-28");

        // Gulf, KWD: paid in full only in July
        String gulf = history.issued("e-gulf", "gulf", "Gulf Trading", "KWD", "2026-05", "2032.258", "2026-06-01",
                "2026-07-01");
        history.payment(gulf, "2032.258", "2026-07-02");

        // Void Co, EUR: voided on 15 June
        String voided = history.issued("e-void", "void", "Void Co", "EUR", "2026-02", "999.99", "2026-03-01",
                "2026-03-31");
        history.voided(voided, "2026-06-15");
    }

    private void acme(String total, String dueDate) {
        history.issued("e-acme", "acme", "Acme GmbH", "EUR", "2026-02", total, "2026-03-01", dueDate);
    }

    @Test
    void agingBucketsEveryBalanceByDaysPastDueOnTheDay() {
        AgingView aging = views.aging(new FindAging(AS_OF));
        assertThat(aging.asOf()).isEqualTo(AS_OF);
        assertThat(aging.rows()).containsExactly(
                // current 5.05 + 100.00; 1–30: 1.01 + 30.30; 31–60: 31.31 + 60.60; 61–90: 61.61 + 90.90; > 90: 91.91
                row("acme", "Acme GmbH", "EUR", "105.05", "31.31", "91.91", "152.51", "91.91", "472.69"),
                // 1000.00 − 1000.00 + 250.00 + 100.00, due 1 May: 60 days past due
                row("beta", "Beta Ltd", "EUR", "0.00", "0.00", "350.00", "0.00", "0.00", "350.00"),
                // paid only on 2 July, due 1 July: not yet due
                row("gulf", "Gulf Trading", "KWD", "2032.258", "0.000", "0.000", "0.000", "0.000", "2032.258"),
                // 677419 − 177419 − 77419, due 19 June: 11 days past due
                row("kaito", "Kaito KK", "JPY", "0", "422581", "0", "0", "0", "422581"));
    }

    @Test
    void beforeAPaymentTheWholeInvoiceIsOwed() {
        AgingView aging = views.aging(new FindAging(LocalDate.of(2026, 6, 24)));
        assertThat(aging.rows()).filteredOn(row -> row.clientId().equals("kaito"))
                .containsExactly(row("kaito", "Kaito KK", "JPY", "0", "677419", "0", "0", "0", "677419"));
        // the refund of 10 June reopened Beta: 250.00, 45 days past 1 May; the chargeback comes only on 20 June
        assertThat(views.aging(new FindAging(LocalDate.of(2026, 6, 15))).rows())
                .filteredOn(row -> row.clientId().equals("beta"))
                .containsExactly(row("beta", "Beta Ltd", "EUR", "0.00", "0.00", "250.00", "0.00", "0.00", "250.00"));
    }

    @Test
    void aPaidInvoiceAndOneIssuedLaterHaveNoRow() {
        // Beta was paid in full on 20 April and nothing reopened it by 1 June; Gulf's invoice is issued on 1 June
        AgingView june1 = views.aging(new FindAging(LocalDate.of(2026, 6, 1)));
        assertThat(june1.rows()).extracting(AgingRow::clientId).containsExactly("acme", "gulf", "kaito", "void");
        // Kaito's invoice, issued on 20 May, is not due before 19 June
        assertThat(june1.rows()).filteredOn(row -> row.clientId().equals("kaito"))
                .containsExactly(row("kaito", "Kaito KK", "JPY", "677419", "0", "0", "0", "0", "677419"));
        AgingView may31 = views.aging(new FindAging(LocalDate.of(2026, 5, 31)));
        assertThat(may31.rows()).extracting(AgingRow::clientId).doesNotContain("gulf");
        // Gulf paid in full on 2 July
        AgingView july2 = views.aging(new FindAging(LocalDate.of(2026, 7, 2)));
        assertThat(july2.rows()).extracting(AgingRow::clientId).doesNotContain("gulf");
    }

    @Test
    void aVoidedInvoiceCountsUntilTheDayItWasVoided() {
        assertThat(views.aging(new FindAging(AS_OF)).rows()).extracting(AgingRow::clientId).doesNotContain("void");
        assertThat(views.aging(new FindAging(LocalDate.of(2026, 6, 15))).rows()).extracting(AgingRow::clientId)
                .doesNotContain("void");
        // 14 June is 75 days past 31 March
        assertThat(views.aging(new FindAging(LocalDate.of(2026, 6, 14))).rows())
                .filteredOn(row -> row.clientId().equals("void"))
                .containsExactly(row("void", "Void Co", "EUR", "0.00", "0.00", "0.00", "999.99", "0.00", "999.99"));
    }

    @Test
    void aRedeliveredMovementCountsOnce() {
        String invoice = history.issued("e-redo", "redo", "Redo SA", "EUR", "2026-05", "500.00", "2026-06-01",
                "2026-07-01");
        history.payment(invoice, "200.00", "2026-06-05");
        // the payment again, with the sequence number it was stored with
        invoices.on(new PaymentRecorded(invoice, "pay-again", new BigDecimal("200.00"), "EUR",
                LocalDate.of(2026, 6, 5), "ref", InvoiceBalance.issued(new BigDecimal("500.00"))
                .afterPayment(new BigDecimal("200.00"))), history.lastSequence(invoice));
        assertThat(views.aging(new FindAging(AS_OF)).rows()).filteredOn(row -> row.clientId().equals("redo"))
                .extracting(AgingRow::total).containsExactly(new BigDecimal("300.00"));
    }

    @Test
    void revenueIsPerMonthAndCurrencyWithVoidedInvoicesNeverInvoiced() {
        assertThat(views.revenue(new FindRevenue(YearMonth.of(2026, 3), YearMonth.of(2026, 7))).rows())
                .containsExactly(
                        // the nine Acme invoices: 472.69; Void Co's 999.99 was voided
                        revenue("2026-03", "EUR", "472.69", "0.00", "0.00"),
                        revenue("2026-03", "JPY", "0", "0", "0"),
                        revenue("2026-03", "KWD", "0.000", "0.000", "0.000"),
                        revenue("2026-04", "EUR", "1000.00", "1000.00", "0.00"),
                        revenue("2026-04", "JPY", "0", "0", "0"),
                        revenue("2026-04", "KWD", "0.000", "0.000", "0.000"),
                        revenue("2026-05", "EUR", "0.00", "0.00", "0.00"),
                        revenue("2026-05", "JPY", "677419", "0", "0"),
                        revenue("2026-05", "KWD", "0.000", "0.000", "0.000"),
                        // a refund of 250.00 and a chargeback of 100.00
                        revenue("2026-06", "EUR", "0.00", "-350.00", "0.00"),
                        revenue("2026-06", "JPY", "0", "177419", "77419"),
                        revenue("2026-06", "KWD", "2032.258", "0.000", "0.000"),
                        revenue("2026-07", "EUR", "200.00", "0.00", "0.00"),
                        revenue("2026-07", "JPY", "0", "0", "0"),
                        revenue("2026-07", "KWD", "0.000", "2032.258", "0.000"));
    }

    @Test
    void aVoidedInvoiceIsNoRevenueNotEvenItsCreditNote() {
        // credited 1.00 in August, then voided: never invoiced, so nothing of it counts, as in reconciliation
        String voided = history.issued("e-cn", "cn", "Credited Co", "EUR", "2026-07", "10.00", "2026-08-01",
                "2026-08-31");
        history.creditNote(voided, "1.00", "2026-08-05");
        history.voided(voided, "2026-08-06");
        assertThat(views.revenue(new FindRevenue(YearMonth.of(2026, 8), YearMonth.of(2026, 8))).rows()).isEmpty();
    }

    @Test
    void aCurrencyWithNothingInTheMonthsHasNoRows() {
        assertThat(views.revenue(new FindRevenue(YearMonth.of(2025, 1), YearMonth.of(2025, 2))).rows()).isEmpty();
        assertThat(views.revenue(new FindRevenue(YearMonth.of(2026, 5), YearMonth.of(2026, 5))).rows())
                .containsExactly(revenue("2026-05", "JPY", "677419", "0", "0"));
    }

    private static AgingRow row(String clientId, String clientName, String currency, String current, String d1to30,
                                String d31to60, String d61to90, String over90, String total) {
        return new AgingRow(clientId, clientName, currency, new BigDecimal(current), new BigDecimal(d1to30),
                new BigDecimal(d31to60), new BigDecimal(d61to90), new BigDecimal(over90), new BigDecimal(total));
    }

    private static RevenueRow revenue(String month, String currency, String invoiced, String collected,
                                      String credited) {
        return new RevenueRow(month, currency, new BigDecimal(invoiced), new BigDecimal(collected),
                new BigDecimal(credited));
    }
}
