package com.engagementledger.invoicing.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.invoicing.api.CloseInvoicedPeriod;
import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceNumberAssigned;
import com.engagementledger.invoicing.api.InvoiceNumbers;
import com.engagementledger.invoicing.api.InvoicedPeriodClosed;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.IssuedInvoice;
import com.engagementledger.invoicing.api.VoidInvoice;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.time.Today;
import com.engagementledger.support.HttpTestSupport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issuing as the application wires it (ADR 0032): many drafts of many engagements issued at once from many threads
 * get numbers of their year without a gap or a repeat, and an issue interrupted after the engagement closed the
 * period is finished by the issuing process. Shares the HTTP tests' context; moves its clock forward once, past the
 * end of the month the engagements start in, so that their first month can be issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceIssuingTest extends HttpTestSupport {

    private static final String ZONE = "Europe/Berlin";
    private static final int ENGAGEMENTS = 12;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private InvoiceIssuing issuing;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private Clock clock;

    @Autowired
    private com.engagementledger.invoicing.api.BillingBases billingBases;

    @Autowired
    private org.axonframework.eventsourcing.Snapshotter snapshotter;

    private YearMonth firstMonth;
    private final List<String> engagements = new ArrayList<>();

    @BeforeAll
    void engagementsStartedLastMonth() {
        LocalDate today = Today.in(clock, ZoneId.of(ZONE));
        firstMonth = YearMonth.from(today);
        for (int i = 0; i < ENGAGEMENTS + 3; i++) {
            String engagementId = "issuing-" + UUID.randomUUID();
            commands.sendAndWait(new ProposeEngagement(engagementId, "client-" + i, "Client " + i, "Engineer", "EUR",
                    BillingModel.MONTHLY, List.of(new NewSeat("seat-1", "pro-" + i, "Pat Doe",
                            new BigDecimal("3100.00"), today)),
                    new EngagementTerms(ZONE, BillingCycle.MONTHLY, 30, 30, 0, 90, 2, 5, 5, 30,
                            IpTrigger.ON_PAYMENT)));
            commands.sendAndWait(new ActivateEngagement(engagementId, null, null));
            engagements.add(engagementId);
        }
        Duration pastTheMonth = Duration.ofDays(firstMonth.lengthOfMonth() + 1L);
        new com.engagementledger.support.Api(port).as("admin")
                .post("/api/admin/clock", "{\"advanceBy\": \"" + pastTheMonth + "\"}");
        assertThat(YearMonth.from(Today.in(clock, ZoneId.of(ZONE)))).isAfter(firstMonth);
    }

    @Test
    void concurrentIssuesGetTheirYearsNumbersWithoutGapOrRepeat() throws Exception {
        List<String> invoices = new ArrayList<>();
        for (String engagementId : engagements.subList(0, ENGAGEMENTS)) {
            String invoiceId = "inv-" + UUID.randomUUID();
            assertThat((String) commands.sendAndWait(new DraftInvoice(engagementId, invoiceId, firstMonth)))
                    .isEqualTo(invoiceId);
            invoices.add(invoiceId);
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<IssuedInvoice>> issues = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                String invoiceId = invoices.get(i);
                // half through the command bus, half directly as a controller would call it
                Callable<IssuedInvoice> issue = i % 2 == 0
                        ? () -> commands.sendAndWait(new IssueInvoice(invoiceId, null))
                        : () -> issuing.issue(new IssueInvoice(invoiceId, null));
                issues.add(threads.submit(issue));
            }
            Set<String> numbers = new HashSet<>();
            int year = 0;
            for (Future<IssuedInvoice> issue : issues) {
                IssuedInvoice issued = issue.get();
                assertThat(issued.number()).matches("INV-\\d{4}-\\d{6}");
                assertThat(issued.dueDate()).isEqualTo(issued.issueDate().plusDays(30));
                numbers.add(issued.number());
                year = issued.issueDate().getYear();
            }
            assertThat(numbers).hasSize(ENGAGEMENTS);

            List<InvoiceNumberAssigned> assigned = eventStore.readEvents(InvoiceNumbers.idOf(year)).asStream()
                    .map(EventMessage::getPayload).map(InvoiceNumberAssigned.class::cast).toList();
            assertThat(assigned).extracting(InvoiceNumberAssigned::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, assigned.size()).boxed().toList());
            assertThat(assigned).extracting(InvoiceNumberAssigned::invoiceId).doesNotHaveDuplicates();
            assertThat(assigned).extracting(InvoiceNumberAssigned::number).containsAll(numbers);
            for (String invoiceId : invoices) {
                assertThat(issuedEvents(invoiceId)).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anIssueInterruptedAfterThePeriodClosedIsFinishedByTheProcess() {
        String engagementId = engagements.get(ENGAGEMENTS);
        String invoiceId = "inv-" + UUID.randomUUID();
        commands.sendAndWait(new DraftInvoice(engagementId, invoiceId, firstMonth));
        // the first step only, as if the node stopped right after it, asked for by a finance user
        InvoicedPeriodClosed closed = commands.sendAndWait(GenericCommandMessage
                .asCommandMessage(new CloseInvoicedPeriod(engagementId, invoiceId))
                .andMetaData(Map.of(AuditMetadata.ACTOR, "fiona", AuditMetadata.ROLES, List.of("FINANCE"),
                        AuditMetadata.REQUEST_ID, "req-issue-1", AuditMetadata.CORRELATION_ID, "corr-issue-1")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(issuedEvents(invoiceId)).hasSize(1));
        InvoiceIssued issued = issuedEvents(invoiceId).get(0);
        // the process finished it as the one who closed the period, not as "system"
        MetaData issuedBy = eventStore.readEvents(invoiceId).asStream()
                .filter(event -> event.getPayload() instanceof InvoiceIssued).findFirst().orElseThrow()
                .getMetaData();
        MetaData numberedBy = eventStore.readEvents(InvoiceNumbers.idOf(closed.issueDate().getYear())).asStream()
                .filter(event -> ((InvoiceNumberAssigned) event.getPayload()).invoiceId().equals(invoiceId))
                .findFirst().orElseThrow().getMetaData();
        for (MetaData audit : List.of(issuedBy, numberedBy)) {
            assertThat(audit.get(AuditMetadata.ACTOR)).isEqualTo("fiona");
            assertThat(audit.get(AuditMetadata.ROLES)).asList().containsExactly("FINANCE");
            assertThat(audit.get(AuditMetadata.REQUEST_ID)).isEqualTo("req-issue-1");
            assertThat(audit.get(AuditMetadata.CORRELATION_ID)).isEqualTo("corr-issue-1");
        }
        assertThat(issued.issueDate()).isEqualTo(closed.issueDate());
        assertThat(issued.total()).isEqualByComparingTo(closed.total());
        assertThat(issued.number()).startsWith("INV-" + closed.issueDate().getYear() + "-");
        // the engagement's snapshot keeps the invoiced period: the period is refused from the snapshot alone
        snapshotter.scheduleSnapshot(com.engagementledger.engagement.command.Engagement.class, engagementId);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, engagementId) > 0);
        assertThat(eventStore.readEvents(engagementId).peek().getPayloadType())
                .isEqualTo(com.engagementledger.engagement.command.Engagement.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> commands.sendAndWait(
                new DraftInvoice(engagementId, "inv-" + UUID.randomUUID(), firstMonth))))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessageContaining(invoiceId);
        // issuing it again now is refused: it is no longer a draft
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                commands.sendAndWait(new IssueInvoice(invoiceId, null))))
                .isInstanceOf(CommandExecutionException.class)
                .satisfies(failure -> assertThat(((CommandExecutionException) failure).getDetails()).isPresent());
    }

    @Test
    void aDraftVoidedFreesItsPeriodForANewDraftAndAStaleVersionIsNotIssued() {
        String engagementId = engagements.get(ENGAGEMENTS + 1);
        String first = "inv-" + UUID.randomUUID();
        commands.sendAndWait(new DraftInvoice(engagementId, first, firstMonth));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                commands.sendAndWait(new IssueInvoice(first, 7L))))
                .hasStackTraceContaining("ConflictingAggregateVersionException");
        commands.sendAndWait(new VoidInvoice(first, "drafted by mistake", null));
        String second = "inv-" + UUID.randomUUID();
        assertThat((String) commands.sendAndWait(new DraftInvoice(engagementId, second, firstMonth)))
                .isEqualTo(second);
        IssuedInvoice issued = commands.sendAndWait(new IssueInvoice(second, 0L));
        assertThat(issued.invoiceId()).isEqualTo(second);
    }

    @Test
    void auditorsSeeAnInvoiceAndTheYearsNumberingAsOfAnInstant() {
        String engagementId = engagements.get(ENGAGEMENTS + 2);
        String invoiceId = "inv-" + UUID.randomUUID();
        commands.sendAndWait(new DraftInvoice(engagementId, invoiceId, firstMonth));
        java.time.Instant drafted = clock.instant().plusMillis(1);
        IssuedInvoice issued = issuing.issue(new IssueInvoice(invoiceId, null));
        java.time.Instant later = clock.instant().plusSeconds(5);
        com.fasterxml.jackson.databind.JsonNode invoice = new com.engagementledger.support.Api(port).as("auditor")
                .get("/api/audit/invoice/" + invoiceId + "/state?asOf=" + later).json();
        assertThat(invoice.get("state").get("status").asText()).isEqualTo("ISSUED");
        assertThat(invoice.get("state").get("number").asText()).isEqualTo(issued.number());
        assertThat(invoice.get("state").get("engagementId").asText()).isEqualTo(engagementId);
        com.fasterxml.jackson.databind.JsonNode asDrafted = new com.engagementledger.support.Api(port)
                .as("auditor").get("/api/audit/invoice/" + invoiceId + "/state?asOf=" + drafted).json();
        assertThat(asDrafted.get("state").get("status").asText()).isEqualTo("DRAFT");

        int year = issued.issueDate().getYear();
        com.fasterxml.jackson.databind.JsonNode numbering = new com.engagementledger.support.Api(port)
                .as("auditor").get("/api/audit/invoice-numbers/" + InvoiceNumbers.idOf(year) + "/state?asOf="
                        + clock.instant().plusSeconds(5)).json();
        assertThat(numbering.get("state").get("year").asInt()).isEqualTo(year);
        assertThat(numbering.get("state").get("last").asLong()).isPositive();
    }

    @Test
    void theBillingBasisOfAnEngagementIsReadWithoutWritingAnything() {
        String engagementId = engagements.get(0);
        long events = eventCount();
        com.engagementledger.invoicing.api.BillingBasis basis = billingBases
                .of(engagementId, firstMonth.atDay(1), firstMonth.atEndOfMonth()).orElseThrow();
        assertThat(basis.engagementId()).isEqualTo(engagementId);
        assertThat(basis.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(basis.calendar().seats()).hasSize(1);
        assertThat(basis.trial()).isNull();
        com.engagementledger.invoicing.api.BillingBases.BillingParty party = billingBases.party(engagementId)
                .orElseThrow();
        assertThat(party.timeZone()).isEqualTo(ZONE);
        assertThat(party.clientName()).startsWith("Client ");
        assertThat(YearMonth.from(party.firstBilledDay())).isEqualTo(firstMonth);
        assertThat(party.lastDay()).isNull();
        assertThat(billingBases.party("no-such-engagement")).isEmpty();
        assertThat(billingBases.of("no-such-engagement", firstMonth.atDay(1), firstMonth.atEndOfMonth())).isEmpty();
        assertThat(eventCount()).isEqualTo(events);
    }

    private List<InvoiceIssued> issuedEvents(String invoiceId) {
        return eventStore.readEvents(invoiceId).asStream().map(EventMessage::getPayload)
                .filter(InvoiceIssued.class::isInstance).map(InvoiceIssued.class::cast).toList();
    }
}
