package com.engagementledger.iptransfer.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.CertificateEvent;
import com.engagementledger.iptransfer.api.ContestResolution;
import com.engagementledger.iptransfer.api.FindIpCertificate;
import com.engagementledger.iptransfer.api.FindIpLedger;
import com.engagementledger.iptransfer.api.FindIpTransfer;
import com.engagementledger.iptransfer.api.FindIpTransfers;
import com.engagementledger.iptransfer.api.InvoiceMovementNoted;
import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpLedgerRow;
import com.engagementledger.iptransfer.api.IpLedgerView;
import com.engagementledger.iptransfer.api.IpTransferAssigned;
import com.engagementledger.iptransfer.api.IpTransferContestResolved;
import com.engagementledger.iptransfer.api.IpTransferContested;
import com.engagementledger.iptransfer.api.IpTransferExclusionsChanged;
import com.engagementledger.iptransfer.api.IpTransferOpened;
import com.engagementledger.iptransfer.api.IpTransferPage;
import com.engagementledger.iptransfer.api.IpTransferReinstated;
import com.engagementledger.iptransfer.api.IpTransferStanding;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferSuspended;
import com.engagementledger.iptransfer.api.IpTransferView;
import com.engagementledger.iptransfer.api.IpTransferVoided;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The IP ledger's projection and query handler against the embedded MongoDB wire-protocol server: redelivered
 * events change nothing; the standing is what each event carried (the 0.4 share exact); the certificate comes back
 * exactly as issued, also after a contest, its release and a void beside it; a suspension opens and closes; the
 * exclusions change; the list is filtered, newest period first, and paged; the ledger sums what remains per
 * engagement and currency.
 */
class IpTransferProjectionTest {

    private static final Instant AT = Instant.parse("2035-04-01T08:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private IpTransferProjection projection;
    private IpTransferQueryHandler queries;

    @BeforeEach
    void projection() {
        mongo = STORE.template();
        projection = new IpTransferProjection(new BatchedWrites(mongo));
        queries = new IpTransferQueryHandler(mongo);
    }

    @Test
    void redeliveredEventsChangeNothingAndTheShareIsTheOneCarried() {
        List<Runnable> history = List.of(
                () -> projection.on(opened("ipt-1", "acme", "e1", "2035-03", "EUR", "1000.00", IpTrigger.ON_PAYMENT,
                        List.of("Acme UI kit")), 0),
                () -> projection.on(new InvoiceMovementNoted("ipt-1", InvoiceMovementKind.PAYMENT, "p1",
                        new BigDecimal("400.00"), source(2, 11), standing("1000.00", "400.00", "0.4", "600.00",
                        IpTransferStatus.PARTIALLY_ASSIGNED)), 1));
        history.forEach(Runnable::run);
        List<Document> once = raw();
        history.forEach(Runnable::run);
        assertThat(raw()).isEqualTo(once);

        IpTransferView view = queries.find(new FindIpTransfer("ipt-1")).orElseThrow();
        assertThat(view.status()).isEqualTo(IpTransferStatus.PARTIALLY_ASSIGNED);
        assertThat(view.paidShare()).isEqualTo(new BigDecimal("0.4"));
        assertThat(view.amountPaid()).isEqualTo(new BigDecimal("400.00"));
        assertThat(view.remaining()).isEqualTo(new BigDecimal("600.00"));
        assertThat(view.total()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(view.exclusions()).containsExactly("Acme UI kit");
        assertThat(view.trigger()).isEqualTo("ON_PAYMENT");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.assignedAt()).isNull();
        assertThat(queries.certificate(new FindIpCertificate("ipt-1"))).as("not assigned yet").isEmpty();
        assertThat(queries.find(new FindIpTransfer("nope"))).isEmpty();
    }

    @Test
    void theCertificateStaysAsIssuedThroughAContestItsReleaseAndAVoid() {
        projection.on(opened("ipt-2", "acme", "e1", "2035-03", "JPY", "677419", IpTrigger.ON_PAYMENT, List.of()), 0);
        AssignmentCertificate certificate = certificate("ipt-2");
        projection.on(new InvoiceMovementNoted("ipt-2", InvoiceMovementKind.PAYMENT, "p1", new BigDecimal("677419"),
                source(2, 20), standing("677419", "677419", "1", "0", IpTransferStatus.PARTIALLY_ASSIGNED)), 1);
        projection.on(new IpTransferAssigned("ipt-2", AT, certificate, "ab".repeat(32),
                standing("677419", "677419", "1", "0", IpTransferStatus.ASSIGNED)), 2);
        projection.on(new InvoiceMovementNoted("ipt-2", InvoiceMovementKind.CHARGEBACK, "c1",
                new BigDecimal("100000"), source(3, 30), standing("677419", "577419", "0.8523793280", "100000",
                IpTransferStatus.ASSIGNED)), 3);
        projection.on(new IpTransferContested("ipt-2", InvoiceMovementKind.CHARGEBACK, "c1",
                new BigDecimal("100000"), source(3, 30), standing("677419", "577419", "0.8523793280", "100000",
                IpTransferStatus.CONTESTED)), 4, AT.plusSeconds(60));
        assertThat(queries.find(new FindIpTransfer("ipt-2")).orElseThrow().remaining())
                .as("a contested transfer shows what the client still owes").isEqualTo(new BigDecimal("100000"));
        IpLedgerRow contestedRow = queries.ledger(new FindIpLedger(null, null)).rows().get(0);
        assertThat(contestedRow.remaining()).as("nothing before assignment: it is assigned").isZero();
        assertThat(contestedRow.contestedShortfall()).isEqualTo(new BigDecimal("100000"));

        IpCertificateView contested = queries.certificate(new FindIpCertificate("ipt-2")).orElseThrow();
        assertThat(contested.certificate()).isEqualTo(certificate);
        assertThat(contested.sha256()).isEqualTo("ab".repeat(32));
        assertThat(contested.status()).isEqualTo(IpTransferStatus.CONTESTED);
        assertThat(contested.contest().open()).isTrue();
        assertThat(contested.contest().kind()).isEqualTo("CHARGEBACK");
        assertThat(contested.contest().shortfall()).isEqualTo(new BigDecimal("100000"));
        assertThat(contested.contest().contestedAt()).isEqualTo(source(3, 30).timestamp());
        assertThat(queries.list(new FindIpTransfers(null, null, IpTransferStatus.CONTESTED, 0, 10)).items())
                .extracting(IpTransferView::ipTransferId).containsExactly("ipt-2");

        Instant released = AT.plusSeconds(3600);
        projection.on(new IpTransferContestResolved("ipt-2", ContestResolution.RELEASED, "Goodwill", null,
                standing("677419", "577419", "0.8523793280", "100000", IpTransferStatus.ASSIGNED)), 5, released);
        IpTransferView assigned = queries.find(new FindIpTransfer("ipt-2")).orElseThrow();
        assertThat(assigned.status()).isEqualTo(IpTransferStatus.ASSIGNED);
        assertThat(assigned.contest().open()).isFalse();
        assertThat(assigned.contest().resolution()).isEqualTo("RELEASED");
        assertThat(assigned.contest().reason()).isEqualTo("Goodwill");
        assertThat(assigned.contest().resolvedAt()).isEqualTo(released);
        assertThat(assigned.assignedAt()).isEqualTo(AT);
        assertThat(assigned.remaining()).as("released, the client still owes what the chargeback took back")
                .isEqualTo(new BigDecimal("100000"));
        assertThat(queries.ledger(new FindIpLedger(null, null)).rows().get(0).contestedShortfall())
                .as("a released contest is no open one").isZero();
        assertThat(assigned.amountPaid()).isEqualTo(new BigDecimal("577419"));

        projection.on(new IpTransferVoided("ipt-2", "Wrong client", source(4, 40),
                standing("677419", "577419", "0.8523793280", "0", IpTransferStatus.VOIDED)), 6);
        IpCertificateView voided = queries.certificate(new FindIpCertificate("ipt-2")).orElseThrow();
        assertThat(voided.certificate()).isEqualTo(certificate);
        assertThat(voided.status()).isEqualTo(IpTransferStatus.VOIDED);
        assertThat(voided.voidReason()).isEqualTo("Wrong client");
    }

    @Test
    void aDisputeSuspendsUntilResolvedAndExclusionsAreReplaced() {
        projection.on(opened("ipt-3", "acme", "e1", "2035-03", "EUR", "1000.00", IpTrigger.ON_PAYMENT,
                List.of("A")), 0);
        projection.on(new IpTransferSuspended("ipt-3", "Hours not agreed", source(2, 50),
                standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.SUSPENDED)), 1, AT);
        IpTransferView suspended = queries.find(new FindIpTransfer("ipt-3")).orElseThrow();
        assertThat(suspended.status()).isEqualTo(IpTransferStatus.SUSPENDED);
        assertThat(suspended.suspension().reason()).isEqualTo("Hours not agreed");
        assertThat(suspended.suspension().since()).isEqualTo(source(2, 50).timestamp());

        projection.on(new IpTransferReinstated("ipt-3", "Timesheets confirmed", source(3, 51),
                standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.PENDING)), 2);
        projection.on(new IpTransferExclusionsChanged("ipt-3", List.of("B", "C"), "Client's own library"), 3);
        IpTransferView reinstated = queries.find(new FindIpTransfer("ipt-3")).orElseThrow();
        assertThat(reinstated.status()).isEqualTo(IpTransferStatus.PENDING);
        assertThat(reinstated.suspension()).isNull();
        assertThat(reinstated.exclusions()).containsExactly("B", "C");
        assertThat(reinstated.version()).isEqualTo(3);
    }

    @Test
    void theListFiltersNewestPeriodFirstAndPagesAndTheLedgerSumsPerEngagementAndCurrency() {
        projection.on(opened("a-1", "acme", "e1", "2035-01", "EUR", "100.00", IpTrigger.ON_PAYMENT, List.of()), 0);
        projection.on(opened("a-2", "acme", "e1", "2035-02", "EUR", "200.00", IpTrigger.ON_PAYMENT, List.of()), 0);
        projection.on(new InvoiceMovementNoted("a-2", InvoiceMovementKind.PAYMENT, "p", new BigDecimal("50.00"),
                source(2, 60), standing("200.00", "50.00", "0.25", "150.00", IpTransferStatus.PARTIALLY_ASSIGNED)),
                1);
        projection.on(opened("a-3", "acme", "e1", "2035-03", "EUR", "300.00", IpTrigger.ON_PAYMENT, List.of()), 0);
        projection.on(new IpTransferVoided("a-3", "Wrong period", source(2, 61),
                standing("300.00", "0.00", "0", "300.00", IpTransferStatus.VOIDED)), 1);
        projection.on(opened("k-1", "kaiju", "e2", "2035-02", "JPY", "5000", IpTrigger.ON_PAYMENT, List.of()), 0);

        IpTransferPage all = queries.list(new FindIpTransfers(null, null, null, 0, 10));
        assertThat(all.items()).extracting(IpTransferView::ipTransferId).containsExactly("a-3", "a-2", "k-1", "a-1");
        IpTransferPage acme = queries.list(new FindIpTransfers("acme", "e1", null, 1, 2));
        assertThat(acme.items()).extracting(IpTransferView::ipTransferId).containsExactly("a-1");
        assertThat(acme.totalItems()).isEqualTo(3);
        assertThat(acme.totalPages()).isEqualTo(2);
        assertThat(queries.list(new FindIpTransfers(null, null, IpTransferStatus.PENDING, 0, 10)).items())
                .extracting(IpTransferView::ipTransferId).containsExactly("k-1", "a-1");

        IpLedgerView ledger = queries.ledger(new FindIpLedger(null, null));
        assertThat(ledger.rows()).extracting(IpLedgerRow::engagementId).containsExactly("e1", "e2");
        IpLedgerRow e1 = ledger.rows().get(0);
        assertThat(e1.pending()).containsExactly("2035-01");
        assertThat(e1.partiallyAssigned()).containsExactly("2035-02");
        assertThat(e1.voided()).containsExactly("2035-03");
        assertThat(e1.remaining()).as("the voided one asks for nothing").isEqualTo(new BigDecimal("250.00"));
        assertThat(ledger.totals()).extracting(total -> total.currency() + " " + total.transfers() + " "
                + total.remaining().toPlainString() + " " + total.contestedShortfall().toPlainString())
                .containsExactly("EUR 3 250.00 0.00", "JPY 1 5000 0");
        assertThat(queries.ledger(new FindIpLedger("kaiju", null)).rows()).extracting(IpLedgerRow::clientId)
                .containsExactly("kaiju");
    }

    private static IpTransferOpened opened(String id, String client, String engagement, String period,
                                           String currency, String total, IpTrigger trigger,
                                           List<String> exclusions) {
        return new IpTransferOpened(id, "inv-" + id, "INV-2035-0000" + id.length(), engagement, client,
                "Client " + client, period, currency, LocalDate.of(2035, 4, 1), new BigDecimal(total), trigger,
                exclusions, source(1, 10), standing(total, "0", "0", total, IpTransferStatus.PENDING));
    }

    private static AssignmentCertificate certificate(String id) {
        return new AssignmentCertificate(AssignmentCertificate.SCHEMA, id, "acme", "Ａcme 株式会社", "e1", "2035-03",
                "inv-" + id, "INV-2035-000002", "2035-04-01", "JPY", "677419", "677419", "677419", "ON_PAYMENT",
                "2035-04-01T08:00:00Z", List.of("Background: \"Acme\" UI kit"),
                List.of(new CertificateEvent("ev-1", "InvoiceIssued", 3, 10),
                        new CertificateEvent("ev-2", "PaymentRecorded", 4, 9_007_199_254_740_991L)));
    }

    private static IpTransferStanding standing(String due, String paid, String share, String remaining,
                                               IpTransferStatus status) {
        return new IpTransferStanding(new BigDecimal(due), new BigDecimal(paid), new BigDecimal(share),
                new BigDecimal(remaining), status);
    }

    private static SourceEvent source(long sequence, long position) {
        return new SourceEvent("ev-" + position, "Event", sequence, position, AT.plusSeconds(position));
    }

    private List<Document> raw() {
        return mongo.getCollection(IpTransferDocument.COLLECTION).find().into(new ArrayList<>());
    }
}
