package com.engagementledger.iptransfer.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.CertificateEvent;
import com.engagementledger.iptransfer.api.ContestResolution;
import com.engagementledger.iptransfer.api.InvoiceMovementNoted;
import com.engagementledger.iptransfer.api.IpTransferAssigned;
import com.engagementledger.iptransfer.api.IpTransferContestResolved;
import com.engagementledger.iptransfer.api.IpTransferContested;
import com.engagementledger.iptransfer.api.IpTransferExclusionsChanged;
import com.engagementledger.iptransfer.api.IpTransferOpened;
import com.engagementledger.iptransfer.api.IpTransferReinstated;
import com.engagementledger.iptransfer.api.IpTransferStanding;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferSuspended;
import com.engagementledger.iptransfer.api.IpTransferVoided;
import com.engagementledger.iptransfer.api.NoteInvoiceDisputeResolved;
import com.engagementledger.iptransfer.api.NoteInvoiceDisputed;
import com.engagementledger.iptransfer.api.NoteInvoiceMovement;
import com.engagementledger.iptransfer.api.NoteInvoiceVoided;
import com.engagementledger.iptransfer.api.OpenIpTransfer;
import com.engagementledger.iptransfer.api.ReleaseIpTransferContest;
import com.engagementledger.iptransfer.api.SetIpTransferExclusions;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.iptransfer.command.TransferMoney.NotedMovement;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IP transfer of invoice inv-1 (EUR 1000.00, INV-2026-000007, issued 2026-03-02 for February 2026) through every
 * transition and refusal of ADR 0035. Invoice event n (its sequence) has id evt-n, global position 100 + n and is
 * stored n minutes after 2026-03-02T09:00Z; the issue is sequence 1.
 */
class IpTransferTest {

    private static final String ID = "ipt-inv-1";
    private static final String INVOICE = "inv-1";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 3, 2);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ObjectMapper STATE = JsonMapper.builder().findAndAddModules().build();

    private AggregateTestFixture<IpTransfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IpTransfer.class);
    }

    @Test
    void anIssueOpensAPendingTransferAndTheSameIssueAgainChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(open(IpTrigger.ON_PAYMENT, "1000.00"))
                .expectEvents(opened(IpTrigger.ON_PAYMENT, "1000.00", List.of("Acme UI kit")));
        fixture.given(opened(IpTrigger.ON_PAYMENT, "1000.00", List.of("Acme UI kit")))
                .when(open(IpTrigger.ON_PAYMENT, "1000.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void fortyPercentPaidIsPartiallyAssignedAtZeroPointFourAndTheRestAssignsWithACertificate() {
        fixture.given(opened())
                .when(pay(2, "pay-1", "400.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 2, "pay-1", "400.00",
                        standing("1000.00", "400.00", "0.4", "600.00", IpTransferStatus.PARTIALLY_ASSIGNED)));

        AssignmentCertificate certificate = new AssignmentCertificate(AssignmentCertificate.SCHEMA, ID, "client-1",
                "Acme GmbH", "eng-1", "2026-02", INVOICE, "INV-2026-000007", "2026-03-02", "EUR", "1000.00",
                "1000.00", "1000.00", "ON_PAYMENT", "2026-03-02T09:03:00Z", List.of("Acme UI kit"),
                List.of(new CertificateEvent("evt-1", "InvoiceIssued", 1, 101),
                        new CertificateEvent("evt-2", "PaymentRecorded", 2, 102),
                        new CertificateEvent("evt-3", "PaymentRecorded", 3, 103)));
        IpTransferStanding paid = standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.ASSIGNED);
        fixture.given(opened(), paid(2, "pay-1", "400.00"))
                .when(pay(3, "pay-2", "600.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 3, "pay-2", "600.00",
                                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.PARTIALLY_ASSIGNED)),
                        new IpTransferAssigned(ID, at(3), certificate, AssignmentCertificates.sha256(certificate),
                                paid));
    }

    @Test
    void anOnCreationTransferIsAssignedAtIssueRestingOnTheIssueAlone() {
        IpTransferOpened opened = opened(IpTrigger.ON_CREATION, "1000.00", List.of("Acme UI kit"));
        fixture.givenNoPriorActivity()
                .when(open(IpTrigger.ON_CREATION, "1000.00"))
                .expectEvents(opened, assigned(opened, List.of("Acme UI kit"), List.of(), List.of(issue()),
                        standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void aZeroTotalIsSettledAndAssignedAtIssue() {
        IpTransferOpened opened = new IpTransferOpened(ID, INVOICE, "INV-2026-000007", "eng-1", "client-1",
                "Acme GmbH", "2026-02", "EUR", ISSUED_ON, new BigDecimal("0.00"), IpTrigger.ON_PAYMENT,
                List.of("Acme UI kit"), source(1, "InvoiceIssued"),
                standing("0.00", "0.00", "1", "0.00", IpTransferStatus.PENDING));
        fixture.givenNoPriorActivity()
                .when(open(IpTrigger.ON_PAYMENT, "0"))
                .expectEvents(opened, assigned(opened, List.of("Acme UI kit"), List.of(), List.of(issue()),
                        standing("0.00", "0.00", "1", "0.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void aCreditNoteCoveringTheRestSettlesAndAssigns() {
        fixture.given(opened(), paid(2, "pay-1", "600.00"))
                .when(movement(InvoiceMovementKind.CREDIT_NOTE, 3, "cn-1", "400.00"))
                .expectEvents(noted(InvoiceMovementKind.CREDIT_NOTE, 3, "cn-1", "400.00",
                                standing("600.00", "600.00", "1", "0.00", IpTransferStatus.PARTIALLY_ASSIGNED)),
                        assigned(opened(), List.of("Acme UI kit"), List.of(
                                        new NotedMovement(InvoiceMovementKind.PAYMENT, "pay-1", amount("600.00"), 2),
                                        new NotedMovement(InvoiceMovementKind.CREDIT_NOTE, "cn-1", amount("400.00"),
                                                3)),
                                List.of(issue(), source(2, "PaymentRecorded"), source(3, "CreditNoteIssued")),
                                standing("600.00", "600.00", "1", "0.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void aDisputeSuspendsTheTransferAndItsResolutionPutsItBackWhereTheMoneySays() {
        fixture.given(opened(), paid(2, "pay-1", "400.00"))
                .when(new NoteInvoiceDisputed(ID, "hours contested", source(3, "InvoiceDisputed")))
                .expectEvents(new IpTransferSuspended(ID, "hours contested", source(3, "InvoiceDisputed"),
                        standing("1000.00", "400.00", "0.4", "600.00", IpTransferStatus.SUSPENDED)));
        fixture.given(opened(), paid(2, "pay-1", "400.00"), disputed(3))
                .when(new NoteInvoiceDisputeResolved(ID, "hours confirmed", source(4, "InvoiceDisputeResolved")))
                .expectEvents(new IpTransferReinstated(ID, "hours confirmed", source(4, "InvoiceDisputeResolved"),
                        standing("1000.00", "400.00", "0.4", "600.00", IpTransferStatus.PARTIALLY_ASSIGNED)));
    }

    @Test
    void settledWhileSuspendedIsAssignedAtTheResolutionWhichTheCertificateRestsOn() {
        fixture.given(opened(), disputed(2))
                .when(pay(3, "pay-1", "1000.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 3, "pay-1", "1000.00",
                        standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.SUSPENDED)));
        List<NotedMovement> full = List.of(new NotedMovement(InvoiceMovementKind.PAYMENT, "pay-1",
                amount("1000.00"), 3));
        List<SourceEvent> restsOn = List.of(issue(), source(2, "InvoiceDisputed"), source(3, "PaymentRecorded"),
                source(4, "InvoiceDisputeResolved"));
        IpTransferAssigned assigned = assigned(opened(), List.of("Acme UI kit"), full, restsOn,
                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.ASSIGNED));
        assertThat(assigned.assignedAt()).isEqualTo(at(4));
        assertThat(assigned.certificate().events()).extracting(CertificateEvent::eventType)
                .containsExactly("InvoiceIssued", "InvoiceDisputed", "PaymentRecorded", "InvoiceDisputeResolved");
        fixture.given(opened(), disputed(2), paid(3, "pay-1", "1000.00"))
                .when(new NoteInvoiceDisputeResolved(ID, "hours confirmed", source(4, "InvoiceDisputeResolved")))
                .expectEvents(new IpTransferReinstated(ID, "hours confirmed", source(4, "InvoiceDisputeResolved"),
                                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.PARTIALLY_ASSIGNED)),
                        assigned);
    }

    @Test
    void aChargebackAfterAssignmentContestsItAndALaterPaymentSettlesItBackToAssigned() {
        fixture.given(assignedHistory())
                .when(movement(InvoiceMovementKind.CHARGEBACK, 3, "cb-1", "300.00"))
                .expectEvents(noted(InvoiceMovementKind.CHARGEBACK, 3, "cb-1", "300.00",
                                standing("1000.00", "700.00", "0.7", "300.00", IpTransferStatus.ASSIGNED)),
                        new IpTransferContested(ID, InvoiceMovementKind.CHARGEBACK, "cb-1", amount("300.00"),
                                source(3, "ChargebackRecorded"),
                                standing("1000.00", "700.00", "0.7", "300.00", IpTransferStatus.CONTESTED)));
        fixture.given(contestedHistory())
                .when(pay(4, "pay-2", "100.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 4, "pay-2", "100.00",
                        standing("1000.00", "800.00", "0.8", "200.00", IpTransferStatus.CONTESTED)));
        fixture.given(contestedHistory())
                .when(pay(4, "pay-2", "300.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 4, "pay-2", "300.00",
                                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.CONTESTED)),
                        new IpTransferContestResolved(ID, ContestResolution.SETTLED, null,
                                source(4, "PaymentRecorded"),
                                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void aRefundAfterAssignmentContestsItToo() {
        fixture.given(assignedHistory())
                .when(movement(InvoiceMovementKind.REFUND, 3, "ref-1", "1000.00"))
                .expectEvents(noted(InvoiceMovementKind.REFUND, 3, "ref-1", "1000.00",
                                standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.ASSIGNED)),
                        new IpTransferContested(ID, InvoiceMovementKind.REFUND, "ref-1", amount("1000.00"),
                                source(3, "RefundRecorded"),
                                standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.CONTESTED)));
    }

    @Test
    void financeReleasesAContestWithAReasonBackToAssigned() {
        fixture.given(contestedHistory())
                .when(new ReleaseIpTransferContest(ID, "client pays the rest by agreement", null))
                .expectEvents(new IpTransferContestResolved(ID, ContestResolution.RELEASED,
                        "client pays the rest by agreement", null,
                        standing("1000.00", "700.00", "0.7", "300.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void aReleaseNeedsAReasonAndAContest() {
        fixture.given(contestedHistory())
                .when(new ReleaseIpTransferContest(ID, "  ", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"))
                .expectNoEvents();
        fixture.given(assignedHistory())
                .when(new ReleaseIpTransferContest(ID, "why not", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-contested", null, "ASSIGNED"))
                .expectNoEvents();
        fixture.given(opened())
                .when(new ReleaseIpTransferContest(ID, "why not", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-contested", null, "PENDING"));
        List<Object> contestedAndDisputed = new ArrayList<>(contestedHistory());
        contestedAndDisputed.add(disputed(4));
        fixture.given(contestedAndDisputed)
                .when(new ReleaseIpTransferContest(ID, "why not", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "not-contested", null, "SUSPENDED"));
    }

    @Test
    void aChargebackOfAnOnCreationTransferIsNotedButNeverContested() {
        IpTransferOpened opened = opened(IpTrigger.ON_CREATION, "1000.00", List.of("Acme UI kit"));
        IpTransferAssigned assigned = assigned(opened, List.of("Acme UI kit"), List.of(), List.of(issue()),
                standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.ASSIGNED));
        fixture.given(opened, assigned, noted(InvoiceMovementKind.PAYMENT, 2, "pay-1", "1000.00",
                        standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.ASSIGNED)))
                .when(movement(InvoiceMovementKind.CHARGEBACK, 3, "cb-1", "1000.00"))
                .expectEvents(noted(InvoiceMovementKind.CHARGEBACK, 3, "cb-1", "1000.00",
                        standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void aVoidClosesTheTransferFromEveryState() {
        // PENDING
        voids(List.of(opened()), "0.00", "0");
        // PARTIALLY_ASSIGNED
        voids(List.of(opened(), paid(2, "pay-1", "400.00")), "400.00", "0.4");
        // SUSPENDED
        voids(List.of(opened(), disputed(2)), "0.00", "0");
        // ASSIGNED at issue
        voids(List.of(opened(IpTrigger.ON_CREATION, "1000.00", List.of("Acme UI kit")),
                assigned(opened(IpTrigger.ON_CREATION, "1000.00", List.of("Acme UI kit")), List.of("Acme UI kit"),
                        List.of(), List.of(issue()), standing("1000.00", "0.00", "0", "1000.00",
                                IpTransferStatus.ASSIGNED))), "0.00", "0");
        // CONTESTED, with what was kept refunded so that the invoice could be voided
        List<Object> contestedAndRefunded = new ArrayList<>(contestedHistory());
        contestedAndRefunded.add(refunded(4, "ref-1", "700.00"));
        voids(contestedAndRefunded, "0.00", "0");
    }

    @Test
    void aVoidedTransferIsTerminal() {
        List<Object> voided = List.of(opened(), new IpTransferVoided(ID, "wrong client", source(2, "InvoiceVoided"),
                standing("1000.00", "0.00", "0", "0.00", IpTransferStatus.VOIDED)));
        fixture.given(voided)
                .when(new NoteInvoiceVoided(ID, "again", source(3, "InvoiceVoided")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(voided)
                .when(pay(3, "pay-1", "1000.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 3, "pay-1", "1000.00",
                        standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.VOIDED)));
        fixture.given(voided)
                .when(new NoteInvoiceDisputeResolved(ID, "late", source(3, "InvoiceDisputeResolved")))
                .expectEvents(new IpTransferReinstated(ID, "late", source(3, "InvoiceDisputeResolved"),
                        standing("1000.00", "0.00", "0", "0.00", IpTransferStatus.VOIDED)));
        fixture.given(voided)
                .when(new SetIpTransferExclusions(ID, List.of("Acme UI kit", "Charting lib"), "late", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null, "VOIDED"));
    }

    @Test
    void everyNoteOfAnEventAlreadyNotedStoresNothing() {
        fixture.given(opened(), paid(2, "pay-1", "400.00"))
                .when(pay(2, "pay-1", "400.00"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(assignedHistory())
                .when(pay(2, "pay-1", "1000.00"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(contestedHistory())
                .when(movement(InvoiceMovementKind.CHARGEBACK, 3, "cb-1", "300.00"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened(), disputed(2))
                .when(new NoteInvoiceDisputed(ID, "hours contested", source(2, "InvoiceDisputed")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened(), disputed(2), new IpTransferReinstated(ID, "ok", source(3, "InvoiceDisputeResolved"),
                        standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.PENDING)))
                .when(new NoteInvoiceDisputeResolved(ID, "ok", source(3, "InvoiceDisputeResolved")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened(), new IpTransferVoided(ID, "wrong client", source(2, "InvoiceVoided"),
                        standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.VOIDED)))
                .when(new NoteInvoiceVoided(ID, "wrong client", source(2, "InvoiceVoided")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened())
                .when(new NoteInvoiceDisputed(ID, "issue redelivered", source(1, "InvoiceIssued")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void twoPaymentsInEitherOrderEndInTheSameStateCertificateAndInstant() {
        Outcome forward = outcome(pay(2, "pay-1", "400.00"), pay(3, "pay-2", "600.00"));
        Outcome backward = outcome(pay(3, "pay-2", "600.00"), pay(2, "pay-1", "400.00"));
        assertThat(forward.assigned().sha256()).isEqualTo(backward.assigned().sha256());
        assertThat(forward.assigned().certificate()).isEqualTo(backward.assigned().certificate());
        assertThat(forward.assigned().assignedAt()).isEqualTo(backward.assigned().assignedAt()).isEqualTo(at(3));
        assertThat(forward.state()).isEqualTo(backward.state());
        assertThat(forward.state().get("assigned").asBoolean()).isTrue();
    }

    @Test
    void aDisputeAndItsResolutionInEitherOrderLeaveNoDisputeOpen() {
        fixture.given(opened(), new IpTransferReinstated(ID, "ok", source(3, "InvoiceDisputeResolved"),
                        standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.PENDING)))
                .when(new NoteInvoiceDisputed(ID, "hours contested", source(2, "InvoiceDisputed")))
                .expectEvents(new IpTransferSuspended(ID, "hours contested", source(2, "InvoiceDisputed"),
                        standing("1000.00", "0.00", "0", "1000.00", IpTransferStatus.PENDING)));
    }

    @Test
    void financeReplacesTheExclusionsBeforeAssignmentAndTheCertificateCarriesThem() {
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of(" Acme UI kit ", "Charting lib"), "contract annex 2",
                        null))
                .expectEvents(new IpTransferExclusionsChanged(ID, List.of("Acme UI kit", "Charting lib"),
                        "contract annex 2"))
                .expectResultMessagePayload(1L);
        fixture.given(opened(), new IpTransferExclusionsChanged(ID, List.of("Charting lib"), "annex 2"))
                .when(pay(2, "pay-1", "1000.00"))
                .expectEvents(noted(InvoiceMovementKind.PAYMENT, 2, "pay-1", "1000.00",
                                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.PARTIALLY_ASSIGNED)),
                        assigned(opened(), List.of("Charting lib"), List.of(new NotedMovement(
                                        InvoiceMovementKind.PAYMENT, "pay-1", amount("1000.00"), 2)),
                                List.of(issue(), source(2, "PaymentRecorded")),
                                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.ASSIGNED)));
    }

    @Test
    void exclusionsAreRefusedOnceAssignedAndWhenMalformedRepeatedTooManyUnexplainedOrUnchanged() {
        fixture.given(assignedHistory())
                .when(new SetIpTransferExclusions(ID, List.of("Charting lib"), "annex", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null, "never changes"))
                .expectNoEvents();
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of("Charting lib", "charting LIB"), "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "exclusions[1]"));
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of("Chart\u0007ing"), "annex", null))
                .expectException(violation(Kind.MALFORMED, "plain-text", "exclusions[0]"));
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of("ok", " "), "annex", null))
                .expectException(violation(Kind.MALFORMED, "required", "exclusions[1]"));
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of("x".repeat(201)), "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "length", "exclusions[0]"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            many.add("item " + i);
        }
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, many, "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "maximum", "exclusions"));
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, null, "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "exclusions"));
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of("Charting lib"), null, null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"));
        fixture.given(opened())
                .when(new SetIpTransferExclusions(ID, List.of("Acme UI kit"), "same again", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "no-change", null));
    }

    @Test
    void aMovementForATransferNeverOpenedFailsSoThePolicyRetriesIt() {
        fixture.givenNoPriorActivity()
                .when(pay(2, "pay-1", "400.00"))
                .expectException(AggregateNotFoundException.class);
    }

    // --- helpers

    /** A voided invoice is owed by nobody: remaining 0 whatever was due. */
    private void voids(List<Object> history, String paid, String share) {
        fixture.given(history)
                .when(new NoteInvoiceVoided(ID, "wrong client", source(9, "InvoiceVoided")))
                .expectEvents(new IpTransferVoided(ID, "wrong client", source(9, "InvoiceVoided"),
                        standing("1000.00", paid, share, "0.00", IpTransferStatus.VOIDED)));
    }

    private record Outcome(IpTransferAssigned assigned, JsonNode state) {
    }

    private Outcome outcome(NoteInvoiceMovement first, NoteInvoiceMovement second) {
        AtomicReference<IpTransferAssigned> assigned = new AtomicReference<>();
        AtomicReference<JsonNode> state = new AtomicReference<>();
        fixture = new AggregateTestFixture<>(IpTransfer.class);
        fixture.givenCommands(open(IpTrigger.ON_PAYMENT, "1000.00"), first)
                .when(second)
                .expectEventsMatching(new BaseMatcher<>() {
                    @Override
                    public boolean matches(Object actual) {
                        for (Object message : (List<?>) actual) {
                            if (((EventMessage<?>) message).getPayload() instanceof IpTransferAssigned event) {
                                assigned.set(event);
                            }
                        }
                        return assigned.get() != null;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("an assignment");
                    }
                })
                .expectState(transfer -> state.set(STATE.valueToTree(transfer)));
        return new Outcome(assigned.get(), state.get());
    }

    private List<Object> assignedHistory() {
        List<NotedMovement> full = List.of(new NotedMovement(InvoiceMovementKind.PAYMENT, "pay-1",
                amount("1000.00"), 2));
        return List.of(opened(), paid(2, "pay-1", "1000.00"), assigned(opened(), List.of("Acme UI kit"), full,
                List.of(issue(), source(2, "PaymentRecorded")),
                standing("1000.00", "1000.00", "1", "0.00", IpTransferStatus.ASSIGNED)));
    }

    private List<Object> contestedHistory() {
        List<Object> history = new ArrayList<>(assignedHistory());
        IpTransferStanding after = standing("1000.00", "700.00", "0.7", "300.00", IpTransferStatus.CONTESTED);
        history.add(noted(InvoiceMovementKind.CHARGEBACK, 3, "cb-1", "300.00", after));
        history.add(new IpTransferContested(ID, InvoiceMovementKind.CHARGEBACK, "cb-1", amount("300.00"),
                source(3, "ChargebackRecorded"), after));
        return history;
    }

    private static OpenIpTransfer open(IpTrigger trigger, String total) {
        return new OpenIpTransfer(ID, INVOICE, "INV-2026-000007", "eng-1", "client-1", "Acme GmbH", "2026-02", "EUR",
                ISSUED_ON, new BigDecimal(total), trigger, List.of("Acme UI kit"), source(1, "InvoiceIssued"));
    }

    private static IpTransferOpened opened() {
        return opened(IpTrigger.ON_PAYMENT, "1000.00", List.of("Acme UI kit"));
    }

    private static IpTransferOpened opened(IpTrigger trigger, String total, List<String> exclusions) {
        return new IpTransferOpened(ID, INVOICE, "INV-2026-000007", "eng-1", "client-1", "Acme GmbH", "2026-02",
                "EUR", ISSUED_ON, amount(total), trigger, exclusions, source(1, "InvoiceIssued"),
                standing(total, "0.00", "0", total, IpTransferStatus.PENDING));
    }

    private static IpTransferAssigned assigned(IpTransferOpened opened, List<String> exclusions,
                                               List<NotedMovement> movements, List<SourceEvent> sources,
                                               IpTransferStanding after) {
        AssignmentCertificate certificate = AssignmentCertificates.certificate(opened, exclusions,
                TransferMoney.of(EUR, opened.total(), movements), sources);
        return new IpTransferAssigned(ID, AssignmentCertificates.assignedAt(sources), certificate,
                AssignmentCertificates.sha256(certificate), after);
    }

    private static NoteInvoiceMovement pay(long sequence, String id, String amount) {
        return movement(InvoiceMovementKind.PAYMENT, sequence, id, amount);
    }

    private static NoteInvoiceMovement movement(InvoiceMovementKind kind, long sequence, String id, String amount) {
        return new NoteInvoiceMovement(ID, kind, id, amount(amount), source(sequence, typeOf(kind)));
    }

    private static InvoiceMovementNoted paid(long sequence, String id, String amount) {
        return noted(InvoiceMovementKind.PAYMENT, sequence, id, amount, null);
    }

    private static InvoiceMovementNoted refunded(long sequence, String id, String amount) {
        return noted(InvoiceMovementKind.REFUND, sequence, id, amount, null);
    }

    private static IpTransferSuspended disputed(long sequence) {
        return new IpTransferSuspended(ID, "hours contested", source(sequence, "InvoiceDisputed"), null);
    }

    private static InvoiceMovementNoted noted(InvoiceMovementKind kind, long sequence, String id, String amount,
                                              IpTransferStanding after) {
        return new InvoiceMovementNoted(ID, kind, id, amount(amount), source(sequence, typeOf(kind)), after);
    }

    private static String typeOf(InvoiceMovementKind kind) {
        return switch (kind) {
            case PAYMENT -> "PaymentRecorded";
            case REFUND -> "RefundRecorded";
            case CHARGEBACK -> "ChargebackRecorded";
            case CREDIT_NOTE -> "CreditNoteIssued";
        };
    }

    private static SourceEvent issue() {
        return source(1, "InvoiceIssued");
    }

    private static SourceEvent source(long sequence, String type) {
        return new SourceEvent("evt-" + sequence, type, sequence, 100 + sequence, at(sequence));
    }

    private static Instant at(long sequence) {
        return T0.plusSeconds(60 * sequence);
    }

    private static IpTransferStanding standing(String due, String paid, String share, String remaining,
                                               IpTransferStatus status) {
        return new IpTransferStanding(amount(due), amount(paid), new BigDecimal(share), amount(remaining), status);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value).setScale(2);
    }
}
