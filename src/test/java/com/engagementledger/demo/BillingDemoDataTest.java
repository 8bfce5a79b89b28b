package com.engagementledger.demo;

import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.invoicing.api.CreditNoteIssued;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The billing demo data (issue 7): three months of invoices in EUR, JPY and KWD, issued in arrears month by month;
 * the first month's paid, one paid after a credit note, one left unpaid past its due date, one partially paid, the
 * current month drafted; the hourly engagements' weeks approved, with one still disputed; and the stories of the
 * other demo data (Acme's missed SLA, Hooli's overlap) as they were, checked by {@code DemoProfileTest}; and the IP
 * ledger in every status (issue 8).
 */
class BillingDemoDataTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void threeMonthsOfInvoicesInThreeCurrenciesShowEveryStateAtOnce() throws Exception {
        try (ConfigurableApplicationContext demo = start("demo", TestDataDirs.create("billing-demo"))) {
            EventStore events = demo.getBean(EventStore.class);
            LocalDate today = LocalDate.now(demo.getBean(Clock.class).withZone(ZoneOffset.UTC));
            LocalDate started = LocalDate.ofInstant(events.readEvents(DemoCommands.id("engagement:stark"))
                    .asStream().findFirst().orElseThrow().getTimestamp(), ZoneOffset.UTC);
            YearMonth first = YearMonth.from(started);

            for (int month = 0; month < 3; month++) {
                for (String client : List.of("stark", "kaiju", "gulf")) {
                    InvoiceIssued issued = first(events, BillingDemoData.invoiceId(client, first.plusMonths(month)),
                            InvoiceIssued.class);
                    assertThat(issued.number()).matches("INV-\\d{4}-\\d{6}");
                    assertThat(issued.issueDate()).as("issued in arrears").isAfter(first.plusMonths(month)
                            .atEndOfMonth());
                    assertThat(issued.currency()).isEqualTo(switch (client) {
                        case "stark" -> "EUR";
                        case "kaiju" -> "JPY";
                        default -> "KWD";
                    });
                    assertThat(issued.total().signum()).as(issued.toString()).isNotNegative();
                }
            }
            assertThat(first(events, BillingDemoData.invoiceId("gulf", first.plusMonths(1)), InvoiceIssued.class)
                    .total().scale()).as("KWD has three decimals").isEqualTo(3);
            for (String client : List.of("stark", "kaiju", "gulf")) {
                String firstMonth = BillingDemoData.invoiceId(client, first);
                if (first(events, firstMonth, InvoiceIssued.class).total().signum() > 0) {
                    assertThat(last(events, firstMonth, PaymentRecorded.class).after().balance())
                            .as(client + "'s first month is paid").isZero();
                }
            }

            String credited = BillingDemoData.invoiceId("stark", first.plusMonths(1));
            assertThat(all(events, credited, CreditNoteIssued.class)).singleElement()
                    .satisfies(note -> assertThat(note.reason()).isNotBlank());
            assertThat(last(events, credited, PaymentRecorded.class).after().balance()).as("paid after the credit")
                    .isZero();
            assertThat(last(events, BillingDemoData.invoiceId("gulf", first.plusMonths(1)), PaymentRecorded.class)
                    .after().balance()).isZero();

            String overdue = BillingDemoData.invoiceId("kaiju", first.plusMonths(1));
            assertThat(all(events, overdue, PaymentRecorded.class)).as("unpaid").isEmpty();
            assertThat(first(events, overdue, InvoiceIssued.class).dueDate()).as("past due today").isBefore(today);

            PaymentRecorded partial = last(events, BillingDemoData.invoiceId("kaiju", first.plusMonths(2)),
                    PaymentRecorded.class);
            assertThat(partial.after().balance()).as("partially paid").isPositive();
            assertThat(partial.after().paid()).isPositive();
            assertThat(partial.amount().scale()).as("JPY has no minor unit").isZero();
            for (String client : List.of("stark", "gulf")) {
                InvoiceIssued open = first(events, BillingDemoData.invoiceId(client, first.plusMonths(2)),
                        InvoiceIssued.class);
                assertThat(all(events, open.invoiceId(), PaymentRecorded.class)).isEmpty();
                assertThat(open.dueDate()).as("not yet due").isAfter(today);
            }
            assertThat(all(events, BillingDemoData.invoiceId("stark", first.plusMonths(3)), InvoiceDrafted.class))
                    .as("the current month's draft").hasSize(1);
            assertThat(all(events, BillingDemoData.invoiceId("stark", first.plusMonths(3)), InvoiceIssued.class))
                    .isEmpty();

            // only finance drafts, issues and moves money (the role matrix): so does the demo
            for (int month = 0; month < 4; month++) {
                for (String client : List.of("stark", "kaiju", "gulf")) {
                    String invoiceId = BillingDemoData.invoiceId(client, first.plusMonths(month));
                    events.readEvents(invoiceId).asStream()
                            .forEach(event -> assertThat(event.getMetaData().get(AuditMetadata.ROLES))
                                    .as(event.getPayloadType().getSimpleName() + " of " + invoiceId)
                                    .asList().containsExactly(Roles.FINANCE));
                }
            }

            int port = port(demo);
            String stark = DemoCommands.id("engagement:stark");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode approved = get(port, "/api/timesheets?size=200&status=APPROVED&engagementId=" + stark);
                assertThat(approved.get("totalItems").asInt()).as("Stark's weeks").isGreaterThanOrEqualTo(2 * 12);
                JsonNode disputed = get(port, "/api/timesheets?status=DISPUTED&engagementId="
                        + DemoCommands.id("engagement:gulf"));
                assertThat(disputed.get("totalItems").asInt()).isEqualTo(1);
                assertThat(approved.findValues("submission")).anyMatch(submission -> submission.asInt() == 2);
                assertThat(approved.findValues("approvedAutomatically"))
                        .as("this week's hours of Lena approved themselves while the clock moved on")
                        .anyMatch(JsonNode::asBoolean);
            });
            theIpLedgerShowsEveryStatus(port, first);
        }
    }

    /**
     * Issue 8's demo: every IP transfer status at once; Gulf's ON_CREATION transfers assigned at issue; Stark's
     * exclusions on its transfers; a contested and a voided transfer keep their certificates.
     */
    private static void theIpLedgerShowsEveryStatus(int port, YearMonth first) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("stark:1", "CONTESTED");
        expected.put("stark:2", "SUSPENDED");
        expected.put("kaiju:0", "ASSIGNED");
        expected.put("kaiju:1", "PENDING");
        expected.put("kaiju:2", "PARTIALLY_ASSIGNED");
        expected.put("gulf:0", "ASSIGNED");
        expected.put("gulf:1", "ASSIGNED");
        expected.put("gulf:2", "VOIDED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> expected.forEach((key, status) -> {
            String[] parts = key.split(":");
            String invoiceId = BillingDemoData.invoiceId(parts[0], first.plusMonths(Integer.parseInt(parts[1])));
            JsonNode transfer = getQuietly(port, "/api/ip-transfers/ipt-" + invoiceId);
            assertThat(transfer.get("status").asText()).as(key).isEqualTo(status);
        }));
        for (int month = 0; month < 3; month++) {
            JsonNode stark = getQuietly(port, "/api/ip-transfers/ipt-" + BillingDemoData.invoiceId("stark",
                    first.plusMonths(month)));
            assertThat(stark.get("exclusions")).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(BillingDemoData.STARK_EXCLUSIONS);
            JsonNode gulf = getQuietly(port, "/api/ip-transfers/ipt-" + BillingDemoData.invoiceId("gulf",
                    first.plusMonths(month)));
            assertThat(gulf.get("trigger").asText()).isEqualTo("ON_CREATION");
            assertThat(gulf.hasNonNull("assignedAt")).as("assigned at issue").isTrue();
        }
        JsonNode partly = getQuietly(port, "/api/ip-transfers/ipt-" + BillingDemoData.invoiceId("kaiju",
                first.plusMonths(2)));
        assertThat(partly.get("paidShare").decimalValue()).isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
        JsonNode contested = getQuietly(port, "/api/ip-transfers/ipt-" + BillingDemoData.invoiceId("stark",
                first.plusMonths(1)) + "/certificate");
        assertThat(contested.get("contest").get("open").asBoolean()).isTrue();
        assertThat(contested.get("sha256").asText()).matches("[0-9a-f]{64}");
        JsonNode voided = getQuietly(port, "/api/ip-transfers/ipt-" + BillingDemoData.invoiceId("gulf",
                first.plusMonths(2)) + "/certificate");
        assertThat(voided.get("status").asText()).isEqualTo("VOIDED");
        assertThat(voided.get("voidReason").asText()).isNotBlank();
        JsonNode ledger = getQuietly(port, "/api/ip-transfers/ledger");
        for (String status : List.of("assigned", "partiallyAssigned", "pending", "suspended", "contested",
                "voided")) {
            assertThat(ledger.get("rows").findValues(status)).as(status).anyMatch(periods -> !periods.isEmpty());
        }
    }

    private static JsonNode getQuietly(int port, String path) {
        try {
            return get(port, path);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private static <T> List<T> all(EventStore events, String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId).asStream().map(Message::getPayload).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static <T> T first(EventStore events, String aggregateId, Class<T> type) {
        List<T> found = all(events, aggregateId, type);
        assertThat(found).as(type.getSimpleName() + " of " + aggregateId).isNotEmpty();
        return found.get(0);
    }

    private static <T> T last(EventStore events, String aggregateId, Class<T> type) {
        List<T> found = all(events, aggregateId, type);
        assertThat(found).as(type.getSimpleName() + " of " + aggregateId).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
