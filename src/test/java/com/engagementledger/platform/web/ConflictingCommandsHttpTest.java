package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Many clients send conflicting commands to one aggregate at the same moment (DESIGN.md §6, issue 11 item 4):
 * exactly one wins, every other gets a 4xx problem that says why (a stale version, or a rule the winner's change
 * now breaks), and the event store holds exactly one event of the kind.
 */
class ConflictingCommandsHttpTest extends HttpTestSupport {

    private static final int CLIENTS = 8;

    @Test
    void ofManySeatsAddedAgainstTheSameVersionExactlyOneIsAdded() throws Exception {
        String start = LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();
        String engagement = proposeWithoutTrial("conflict-seats", start);
        Api.Response activated = api.as("manager").post("/api/engagements/" + engagement + "/activate",
                Map.of("activationDate", start));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        String version = activated.header("ETag");
        assertThat(version).isEqualTo("\"1\"");

        List<Api.Response> responses = concurrently(i -> api.as("manager").header("If-Match", version)
                .post("/api/engagements/" + engagement + "/seats", Map.of("professionalId", "conflict-pro-" + i,
                        "professionalName", "Alex " + i, "rate", new BigDecimal("8000.00"), "startDate", start)));

        assertExactlyOneWon(responses, 201, List.of(409, 412));
        assertThat(events(engagement, "SeatAdded")).as("seats added").isEqualTo(1);
    }

    @Test
    void ofManyPaymentsThatTogetherOverPayAnInvoiceExactlyOneIsRecorded() throws Exception {
        YearMonth period = YearMonth.from(LocalDate.ofInstant(now(), ZoneOffset.UTC)).plusMonths(1);
        moveClockTo(period.atDay(1));
        String engagement = activeEngagement("conflict-pay", period.atDay(1));
        LocalDate issueDay = period.plusMonths(1).atDay(2);
        moveClockTo(issueDay);
        String invoice = api.as("finance").post("/api/invoices/drafts", Map.of("engagementId", engagement,
                "period", period.toString())).json().get("invoiceId").asText();
        Api.Response issued = api.as("finance").post("/api/invoices/" + invoice + "/issue", (String) null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);

        // a whole month at 9000.00 is due: any two of these together pay more
        List<Api.Response> responses = concurrently(i -> {
            Map<String, Object> payment = new LinkedHashMap<>();
            payment.put("amount", new BigDecimal("5000.00"));
            payment.put("currency", "EUR");
            payment.put("date", issueDay.toString());
            payment.put("reference", "SEPA conflict " + i);
            return api.as("finance").post("/api/invoices/" + invoice + "/payments", payment);
        });

        assertExactlyOneWon(responses, 201, List.of(409, 422));
        assertThat(responses).filteredOn(r -> r.status() == 422)
                .allSatisfy(r -> assertThat(r.json().path("rule").asText()).isEqualTo("over-payment"));
        assertThat(events(invoice, "PaymentRecorded")).as("payments recorded").isEqualTo(1);
    }

    /** Sends {@link #CLIENTS} requests, each from a thread of its own, released at the same moment. */
    private static List<Api.Response> concurrently(IntFunction<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> response : sent) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertExactlyOneWon(List<Api.Response> responses, int won, List<Integer> lost) {
        assertThat(responses).as("winners").filteredOn(r -> r.status() == won).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != won).hasSize(CLIENTS - 1).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isIn(lost);
            assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
            assertThat(r.json().path("rule").asText()).as(r.toString()).isNotBlank();
        });
    }

    private long events(String aggregate, String eventType) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ?", Long.class, aggregate, "%." + eventType);
        return count == null ? 0 : count;
    }

    private String activeEngagement(String client, LocalDate start) {
        String id = proposeWithoutTrial(client, start.toString());
        Api.Response activated = api.as("manager").post("/api/engagements/" + id + "/activate",
                Map.of("activationDate", start.toString()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return id;
    }
}
