package com.engagementledger.invoicing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.ChargebackRecorded;
import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.FindInvoice;
import com.engagementledger.invoicing.api.FindInvoices;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceDisputeResolved;
import com.engagementledger.invoicing.api.InvoiceDisputed;
import com.engagementledger.invoicing.api.InvoiceDraftRegenerated;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.invoicing.api.InvoicePage;
import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.invoicing.api.InvoiceView;
import com.engagementledger.invoicing.api.InvoiceVoided;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RefundRecorded;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The invoice projection and its query handler against the embedded MongoDB wire-protocol server: idempotent on
 * redelivery (a payment delivered twice is counted once), amounts back exactly with their currency's minor digits
 * (EUR, JPY, KWD), the balance and status as every movement left them, disputes and voids, overdue derived on the
 * day asked in the invoice's zone, and the list filtered and paged.
 */
class InvoiceProjectionTest {

    private static final Instant AT = Instant.parse("2035-04-01T08:00:00Z");
    private static final LocalDate ISSUED = LocalDate.of(2035, 4, 1);
    private static final LocalDate DUE = LocalDate.of(2035, 5, 1);

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private InvoiceProjection projection;

    @BeforeEach
    void projection() {
        mongo = STORE.template();
        projection = new InvoiceProjection(new BatchedWrites(mongo));
    }

    @Test
    void redeliveredEventsChangeNothingAndAPaymentCountsOnce() {
        InvoiceBalance issued = InvoiceBalance.issued(new BigDecimal("11177.42"));
        InvoiceBalance paid = issued.afterPayment(new BigDecimal("5000.00"));
        List<Runnable> history = List.of(
                () -> projection.on(drafted("i1", "EUR", "2035-03", "11177.42"), 0, AT),
                () -> projection.on(issued("i1", "EUR", "11177.42", "INV-2035-000001"), 1),
                () -> projection.on(new PaymentRecorded("i1", "p1", new BigDecimal("5000.00"), "EUR",
                        ISSUED.plusDays(3), "SEPA 1", paid), 2));
        history.forEach(Runnable::run);
        List<Document> once = raw();
        history.forEach(Runnable::run);
        history.get(2).run();
        assertThat(raw()).isEqualTo(once);
        InvoiceView view = find("i1", ISSUED.plusDays(5));
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.movements()).hasSize(1);
        assertThat(view.paid()).isEqualByComparingTo("5000.00");
        assertThat(view.balance()).isEqualByComparingTo("6177.42");
        assertThat(view.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    }

    @Test
    void aDraftIsRegeneratedThenIssuedWithItsNumberDatesAndFinalLines() {
        projection.on(drafted("i2", "EUR", "2035-03", "9800.00"), 0, AT);
        InvoiceView draft = find("i2", ISSUED);
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.number()).isNull();
        assertThat(draft.issueDate()).isNull();
        assertThat(draft.overdue()).isFalse();
        assertThat(draft.total()).isEqualByComparingTo("9800.00");
        assertThat(draft.clientName()).isEqualTo("Acme Manufacturing");
        assertThat(draft.timeZone()).isEqualTo("Europe/Berlin");

        projection.on(new InvoiceDraftRegenerated("i2", List.of(line("8535.48"), credit("-904.62")),
                new BigDecimal("7630.86"), ISSUED), 1);
        InvoiceView regenerated = find("i2", ISSUED);
        assertThat(regenerated.lines()).extracting(InvoiceLine::kind)
                .containsExactly(InvoiceLineKind.SEAT_FEE, InvoiceLineKind.SERVICE_CREDIT);
        assertThat(regenerated.total()).isEqualByComparingTo("7630.86");
        assertThat(regenerated.computedOn()).isEqualTo(ISSUED);
        assertThat(regenerated.version()).isEqualTo(1);

        projection.on(issued("i2", "EUR", "7630.86", "INV-2035-000002"), 2);
        InvoiceView view = find("i2", ISSUED);
        assertThat(view.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(view.number()).isEqualTo("INV-2035-000002");
        assertThat(view.issueDate()).isEqualTo(ISSUED);
        assertThat(view.dueDate()).isEqualTo(DUE);
        assertThat(view.balance()).isEqualByComparingTo("7630.86");
        assertThat(view.paid()).isEqualByComparingTo("0");
    }

    @Test
    void amountsComeBackExactlyWithTheirCurrencysMinorDigits() {
        projection.on(drafted("eur", "EUR", "2035-03", "11177.42"), 0, AT);
        projection.on(drafted("jpy", "JPY", "2035-03", "677419"), 0, AT);
        projection.on(drafted("kwd", "KWD", "2035-03", "2032.258"), 0, AT);
        projection.on(issued("kwd", "KWD", "2032.258", "INV-2035-000003"), 1);
        projection.on(new PaymentRecorded("kwd", "p1", new BigDecimal("1000"), "KWD", ISSUED, null,
                InvoiceBalance.issued(new BigDecimal("2032.258")).afterPayment(new BigDecimal("1000"))), 2);
        assertThat(find("eur", ISSUED).total().toPlainString()).isEqualTo("11177.42");
        assertThat(find("jpy", ISSUED).total().toPlainString()).isEqualTo("677419");
        InvoiceView kwd = find("kwd", ISSUED);
        assertThat(kwd.total().toPlainString()).isEqualTo("2032.258");
        assertThat(kwd.paid().toPlainString()).as("a payment of 1000 reads in fils").isEqualTo("1000.000");
        assertThat(kwd.movements().get(0).amount().toPlainString()).isEqualTo("1000.000");
        assertThat(kwd.balance().toPlainString()).isEqualTo("1032.258");
        assertThat(kwd.lines().get(0).amount().toPlainString()).isEqualTo("2032.258");
    }

    @Test
    void everyMovementLeavesTheBalanceAndStatusItCarries() {
        BigDecimal total = new BigDecimal("1000.00");
        projection.on(drafted("i3", "EUR", "2035-03", "1000.00"), 0, AT);
        projection.on(issued("i3", "EUR", "1000.00", "INV-2035-000004"), 1);
        InvoiceBalance b = InvoiceBalance.issued(total).afterPayment(new BigDecimal("400.00"));
        projection.on(new PaymentRecorded("i3", "p1", new BigDecimal("400.00"), "EUR", ISSUED, "first", b), 2);
        assertThat(find("i3", ISSUED).status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        b = b.afterPayment(new BigDecimal("600.00"));
        projection.on(new PaymentRecorded("i3", "p2", new BigDecimal("600.00"), "EUR", ISSUED, "rest", b), 3);
        InvoiceView paid = find("i3", ISSUED);
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.balance()).isEqualByComparingTo("0");
        b = b.afterRefund(new BigDecimal("100.00"));
        projection.on(new RefundRecorded("i3", "r1", new BigDecimal("100.00"), "EUR", ISSUED.plusDays(1),
                "Paid twice", b), 4);
        b = b.afterChargeback(new BigDecimal("200.00"));
        projection.on(new ChargebackRecorded("i3", "c1", new BigDecimal("200.00"), "EUR", ISSUED.plusDays(2),
                "Card issuer", b), 5);
        b = b.afterCredit(new BigDecimal("300.00"));
        projection.on(new CreditNoteIssued("i3", "n1", new BigDecimal("300.00"), "EUR", ISSUED.plusDays(3),
                "Goodwill", b), 6);
        InvoiceView view = find("i3", ISSUED.plusDays(3));
        assertThat(view.paid()).isEqualByComparingTo("1000.00");
        assertThat(view.refunded()).isEqualByComparingTo("100.00");
        assertThat(view.chargedBack()).isEqualByComparingTo("200.00");
        assertThat(view.credited()).isEqualByComparingTo("300.00");
        // 1000 - 1000 + 100 + 200 - 300
        assertThat(view.balance()).isEqualByComparingTo("0.00");
        assertThat(view.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(view.movements()).extracting(m -> m.kind() + ":" + m.id() + ":" + m.balance().toPlainString())
                .containsExactly("PAYMENT:p1:600.00", "PAYMENT:p2:0.00", "REFUND:r1:100.00",
                        "CHARGEBACK:c1:300.00", "CREDIT_NOTE:n1:0.00");
        assertThat(view.movements().get(0).reference()).isEqualTo("first");
        assertThat(view.movements().get(2).reason()).isEqualTo("Paid twice");
        assertThat(view.movements().get(4).kind()).isEqualTo(InvoiceMovementKind.CREDIT_NOTE);
        assertThat(view.movements().get(4).date()).isEqualTo(ISSUED.plusDays(3));
    }

    @Test
    void aDisputeIsOpenUntilResolvedAndAVoidKeepsTheNumber() {
        projection.on(drafted("i4", "EUR", "2035-03", "500.00"), 0, AT);
        projection.on(issued("i4", "EUR", "500.00", "INV-2035-000005"), 1);
        projection.on(new InvoiceDisputed("i4", "Hours not agreed", ISSUED.plusDays(2)), 2);
        InvoiceView disputed = find("i4", ISSUED.plusDays(2));
        assertThat(disputed.disputed()).isTrue();
        assertThat(disputed.dispute().reason()).isEqualTo("Hours not agreed");
        assertThat(disputed.dispute().resolvedOn()).isNull();
        projection.on(new InvoiceDisputeResolved("i4", "Timesheets confirmed", ISSUED.plusDays(4)), 3);
        InvoiceView resolved = find("i4", ISSUED.plusDays(4));
        assertThat(resolved.disputed()).isFalse();
        assertThat(resolved.dispute().resolution()).isEqualTo("Timesheets confirmed");
        assertThat(resolved.dispute().resolvedOn()).isEqualTo(ISSUED.plusDays(4));

        projection.on(new InvoiceVoided("i4", "e1", "2035-03", true, ISSUED.plusDays(5), "Wrong client"), 4);
        InvoiceView voided = find("i4", DUE.plusDays(30));
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.number()).isEqualTo("INV-2035-000005");
        assertThat(voided.voidReason()).isEqualTo("Wrong client");
        assertThat(voided.voidedOn()).isEqualTo(ISSUED.plusDays(5));
        assertThat(voided.overdue()).as("a void invoice asks for nothing").isFalse();
        assertThat(voided.balance()).as("a void invoice owes nothing").isEqualTo(new BigDecimal("0.00"));
        assertThat(voided.total()).as("its lines stay as issued").isEqualTo(new BigDecimal("500.00"));
        assertThat(voided.version()).isEqualTo(4);
    }

    @Test
    void aVoidedDraftOwesNothingInItsCurrencysMinorDigits() {
        projection.on(drafted("i9", "KWD", "2035-03", "596.370"), 0, AT);
        projection.on(new InvoiceVoided("i9", "e1", "2035-03", false, ISSUED, "Drafted by mistake"), 1);
        InvoiceView voided = find("i9", ISSUED);
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.balance()).isEqualTo(new BigDecimal("0.000"));
        assertThat(voided.total()).isEqualTo(new BigDecimal("596.370"));
    }

    @Test
    void aVoidInvoiceProjectedBeforeBalancesWereZeroedOwesNothingToo() {
        projection.on(drafted("i10", "EUR", "2035-03", "596.37"), 0, AT);
        projection.on(new InvoiceVoided("i10", "e1", "2035-03", false, ISSUED, "Drafted by mistake"), 1);
        // a document written by the earlier projection, which left the balance as it was
        mongo.updateFirst(Query.query(Criteria.where("_id").is("i10")),
                Update.update("balance", new BigDecimal("596.37")), InvoiceDocument.class);
        assertThat(mongo.findById("i10", InvoiceDocument.class).balance).isEqualTo(new BigDecimal("596.37"));
        assertThat(find("i10", ISSUED).balance()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void anInvoiceIsOverdueFromTheDayAfterItsDueDateInItsOwnZoneWhileABalanceIsLeft() {
        projection.on(drafted("i5", "EUR", "2035-03", "1000.00"), 0, AT);
        projection.on(issued("i5", "EUR", "1000.00", "INV-2035-000006"), 1);
        // Berlin is UTC+2 in May: 22:30 UTC on the due date is already the day after there
        assertThat(find("i5", Instant.parse("2035-05-01T21:30:00Z")).overdue()).isFalse();
        InvoiceView late = find("i5", Instant.parse("2035-05-01T22:30:00Z"));
        assertThat(late.overdue()).isTrue();
        assertThat(late.asOfDate()).isEqualTo(DUE.plusDays(1));

        InvoiceBalance part = InvoiceBalance.issued(new BigDecimal("1000.00")).afterPayment(new BigDecimal("1.00"));
        projection.on(new PaymentRecorded("i5", "p1", new BigDecimal("1.00"), "EUR", ISSUED, null, part), 2);
        assertThat(find("i5", DUE.plusDays(1)).overdue()).as("partially paid, still owed").isTrue();
        InvoiceBalance credited = part.afterCredit(new BigDecimal("999.00"));
        projection.on(new CreditNoteIssued("i5", "n1", new BigDecimal("999.00"), "EUR", DUE, "Goodwill",
                credited), 3);
        assertThat(find("i5", DUE.plusDays(1)).overdue()).as("nothing left to collect").isFalse();

        assertThat(InvoiceQueryHandler.overdue(InvoiceStatus.DRAFT, BigDecimal.TEN, DUE, DUE.plusDays(9)))
                .isFalse();
    }

    @Test
    void theListFiltersByStatusClientEngagementAndPeriodNewestPeriodFirstAPageAtATime() {
        projection.on(drafted("a1", "EUR", "2035-01", "100.00"), 0, AT);
        projection.on(drafted("a2", "EUR", "2035-02", "100.00"), 0, AT.plusSeconds(1));
        projection.on(drafted("a3", "EUR", "2035-03", "100.00"), 0, AT.plusSeconds(2));
        projection.on(issued("a2", "EUR", "100.00", "INV-2035-000007"), 1);
        InvoiceDrafted other = new InvoiceDrafted("b1", "e2", "globex", "Globex", "JPY", "2035-03", "Asia/Tokyo",
                30, IpTrigger.ON_PAYMENT, List.of(), new BigDecimal("0"), ISSUED);
        projection.on(other, 0, AT);

        InvoiceQueryHandler queries = queries(AT);
        assertThat(queries.list(new FindInvoices(null, null, null, null, 0, 20)).items())
                .extracting(InvoiceView::invoiceId).containsExactly("a3", "b1", "a2", "a1");
        assertThat(queries.list(new FindInvoices(InvoiceStatus.ISSUED, null, null, null, 0, 20)).items())
                .extracting(InvoiceView::invoiceId).containsExactly("a2");
        assertThat(queries.list(new FindInvoices(null, "globex", null, null, 0, 20)).items())
                .extracting(InvoiceView::invoiceId).containsExactly("b1");
        assertThat(queries.list(new FindInvoices(null, null, "e1", "2035-03", 0, 20)).items())
                .extracting(InvoiceView::invoiceId).containsExactly("a3");
        assertThat(queries.list(new FindInvoices(InvoiceStatus.DRAFT, "acme", "e1", null, 0, 20)).totalItems())
                .isEqualTo(2);

        InvoicePage second = queries.list(new FindInvoices(null, null, null, null, 1, 3));
        assertThat(second.items()).extracting(InvoiceView::invoiceId).containsExactly("a1");
        assertThat(second.totalItems()).isEqualTo(4);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        assertThat(queries.find(new FindInvoice("nope"))).isEmpty();
    }

    private InvoiceView find(String id, LocalDate day) {
        return find(id, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private InvoiceView find(String id, Instant now) {
        return queries(now).find(new FindInvoice(id)).orElseThrow();
    }

    private InvoiceQueryHandler queries(Instant now) {
        return new InvoiceQueryHandler(mongo, Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<Document> raw() {
        return mongo.getCollection(InvoiceDocument.COLLECTION).find().into(new ArrayList<>());
    }

    static InvoiceDrafted drafted(String id, String currency, String period, String total) {
        return new InvoiceDrafted(id, "e1", "acme", "Acme Manufacturing", currency, period, "Europe/Berlin", 30,
                IpTrigger.ON_PAYMENT, List.of(line(total)), new BigDecimal(total), LocalDate.of(2035, 3, 20));
    }

    static InvoiceIssued issued(String id, String currency, String total, String number) {
        BigDecimal amount = new BigDecimal(total);
        return new InvoiceIssued(id, "e1", "acme", "2035-03", number, ISSUED, DUE, currency, List.of(line(total)),
                amount, IpTrigger.ON_PAYMENT, InvoiceBalance.issued(amount));
    }

    static InvoiceLine line(String amount) {
        return new InvoiceLine(InvoiceLineKind.SEAT_FEE, "s1", "Anna Kowalski", "Backend Engineer",
                LocalDate.of(2035, 3, 5), LocalDate.of(2035, 3, 31), new BigDecimal("27"),
                new BigDecimal("9800.00"), new BigDecimal(amount));
    }

    static InvoiceLine credit(String amount) {
        return new InvoiceLine(InvoiceLineKind.SERVICE_CREDIT, "s1", null, "SLA missed by 2 business days",
                LocalDate.of(2035, 3, 22), LocalDate.of(2035, 3, 22), new BigDecimal("2"),
                new BigDecimal("-452.31"), new BigDecimal(amount));
    }
}
