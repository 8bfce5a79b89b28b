package com.engagementledger.invoicing.web;

import static com.engagementledger.support.Problems.assertProblemNamingRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Finance's invoice work over HTTP, end to end with the command side and the test clock (issue 7, "done when"):
 * draft, preview, issue with a number, collect partially and fully, credit, refund, charge back, dispute and
 * resolve, void; a retried payment records nothing twice, with an Idempotency-Key or without; and the refusals
 * the command side decides, each a 4xx naming its field and rule: over-payment, wrong currency, a refund above what
 * was paid, a payment on a void invoice, a void of a paid invoice, a period not yet ended, a draft for an unknown
 * engagement.
 */
class InvoiceFlowHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(10);

    @Test
    void financeDraftsIssuesCollectsCreditsRefundsAndDisputesAnInvoice() throws Exception {
        YearMonth period = startNextMonth();
        String engagement = activeEngagement("inv-flow", period.atDay(1), "9000.00");
        LocalDate issueDay = period.plusMonths(1).atDay(3);
        moveClockTo(issueDay);

        Api.Response drafted = finance().post("/api/invoices/drafts",
                Map.of("engagementId", engagement, "period", period.toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("invoiceId").asText();
        assertThat(drafted.header("Location")).isEqualTo("/api/invoices/" + id);
        JsonNode draft = invoice(id, i -> i.path("status").asText().equals("DRAFT"));
        assertThat(draft.hasNonNull("number")).as("no number while a draft").isFalse();
        assertThat(draft.get("lines").get(0).get("kind").asText()).isEqualTo("SEAT_FEE");
        assertThat(body(id)).contains("\"total\":9000.00");

        Api.Response redrafted = finance().post("/api/invoices/drafts",
                Map.of("engagementId", engagement, "period", period.toString()));
        assertThat(redrafted.status()).as("regenerated: " + redrafted).isEqualTo(200);
        assertThat(redrafted.json().get("invoiceId").asText()).isEqualTo(id);

        Api.Response issued = finance().post("/api/invoices/" + id + "/issue", (String) null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String number = issued.json().get("number").asText();
        assertThat(number).matches("INV-" + issueDay.getYear() + "-\\d{6}");
        assertThat(issued.json().get("issueDate").asText()).isEqualTo(issueDay.toString());
        assertThat(issued.json().get("dueDate").asText()).isEqualTo(issueDay.plusDays(30).toString());
        JsonNode open = invoice(id, i -> i.path("status").asText().equals("ISSUED"));
        assertThat(open.get("number").asText()).isEqualTo(number);
        assertThat(open.get("overdue").asBoolean()).isFalse();
        assertThat(finance().post("/api/invoices/drafts", Map.of("engagementId", engagement,
                "period", period.toString())).status()).as("an issued period is not drafted again").isEqualTo(409);

        String key = "pay-" + UUID.randomUUID();
        Map<String, Object> first = money("4000.00", "EUR", issueDay, "reference", "SEPA 1");
        Api.Response paid = finance().header("Idempotency-Key", key).post("/api/invoices/" + id + "/payments",
                first);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String paymentId = paid.json().get("paymentId").asText();
        assertThat(paid.header("Location")).isEqualTo("/api/invoices/" + id + "#payment-" + paymentId);
        assertThat(paid.header("ETag")).isEqualTo("\"" + paid.json().get("version").asLong() + "\"");
        long events = eventCount();
        Api.Response retried = finance().header("Idempotency-Key", key).post("/api/invoices/" + id + "/payments",
                first);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(eventCount()).as("a retried payment records nothing").isEqualTo(events);

        assertProblemNamingRule(finance().post("/api/invoices/" + id + "/payments", money("5000.01", "EUR", issueDay)),
                422, "amount", "over-payment");
        assertProblemNamingRule(finance().post("/api/invoices/" + id + "/payments", money("10.00", "USD", issueDay)),
                422, "currency", "currency-mismatch");
        assertProblemNamingRule(finance().header("If-Match", "\"0\"").post("/api/invoices/" + id + "/payments",
                money("10.00", "EUR", issueDay)), 412, null, null);
        JsonNode partly = invoice(id, i -> i.path("status").asText().equals("PARTIALLY_PAID"));
        assertThat(partly.get("movements")).hasSize(1);
        assertThat(body(id)).contains("\"paid\":4000.00").contains("\"balance\":5000.00");

        Api.Response credited = finance().post("/api/invoices/" + id + "/credit-notes",
                money("1000.00", "EUR", issueDay, "reason", "Onboarding delay"));
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        assertThat(credited.json().hasNonNull("creditNoteId")).isTrue();
        Api.Response rest = finance().post("/api/invoices/" + id + "/payments", money("4000", "EUR", issueDay));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        invoice(id, i -> i.path("status").asText().equals("PAID"));
        assertThat(body(id)).contains("\"balance\":0.00").contains("\"credited\":1000.00");
        assertProblemNamingRule(finance().post("/api/invoices/" + id + "/void", Map.of("reason", "Wrong client")),
                409, null, null);

        assertProblemNamingRule(finance().post("/api/invoices/" + id + "/refunds",
                money("8000.01", "EUR", issueDay, "reason", "Too much")), 422, "amount", "above-net-paid");
        Api.Response refunded = finance().post("/api/invoices/" + id + "/refunds",
                money("500.00", "EUR", issueDay, "reason", "Paid one day twice"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().hasNonNull("refundId")).isTrue();
        Api.Response chargedBack = finance().post("/api/invoices/" + id + "/chargebacks",
                money("250.00", "EUR", issueDay, "reason", "Card issuer 4837"));
        assertThat(chargedBack.status()).as(chargedBack.toString()).isEqualTo(201);
        JsonNode reopened = invoice(id, i -> i.path("movements").size() == 5);
        assertThat(reopened.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(body(id)).contains("\"refunded\":500.00").contains("\"chargedBack\":250.00")
                .contains("\"balance\":750.00");

        assertThat(finance().post("/api/invoices/" + id + "/dispute", Map.of("reason", "Hours not agreed"))
                .status()).isEqualTo(200);
        assertThat(invoice(id, i -> i.path("disputed").asBoolean()).get("dispute").get("reason").asText())
                .isEqualTo("Hours not agreed");
        Api.Response resolved = finance().post("/api/invoices/" + id + "/dispute/resolve",
                Map.of("reason", "Timesheets confirmed"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        invoice(id, i -> !i.path("disputed").asBoolean() && i.path("dispute").hasNonNull("resolvedOn"));

        String pdf = pdfText(id);
        assertThat(pdf).contains(number).contains("9,000.00 EUR").contains("750.00 EUR");

        moveClockTo(issueDay.plusDays(31));
        assertThat(invoice(id, i -> true).get("overdue").asBoolean()).as("a balance after the due date").isTrue();
        assertThat(api.as("auditor").get("/api/invoices?engagementId=" + engagement + "&status=PARTIALLY_PAID")
                .json().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void aVoidInvoiceTakesNoPaymentAndARunningPeriodIsNotIssued() throws IOException, InterruptedException {
        YearMonth period = startNextMonth();
        String engagement = activeEngagement("inv-void", period.atDay(1), "12000.00");
        LocalDate day = period.plusMonths(1).atDay(2);
        moveClockTo(day);
        String id = finance().post("/api/invoices/drafts", Map.of("engagementId", engagement,
                "period", period.toString())).json().get("invoiceId").asText();
        assertThat(finance().post("/api/invoices/" + id + "/issue", (String) null).status()).isEqualTo(200);
        Api.Response voided = finance().post("/api/invoices/" + id + "/void", Map.of("reason", "Wrong rate"));
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        JsonNode invoice = invoice(id, i -> i.path("status").asText().equals("VOID"));
        assertThat(invoice.get("voidReason").asText()).isEqualTo("Wrong rate");
        assertThat(invoice.hasNonNull("number")).as("a void invoice keeps its number").isTrue();
        assertThat(body(id)).as("a void invoice owes nothing").contains("\"balance\":0.00");
        assertThat(invoice.get("total").decimalValue().signum()).isPositive();
        assertThat(pdfText(id)).contains("Balance (void)").contains("0.00 EUR");
        assertProblemNamingRule(finance().post("/api/invoices/" + id + "/payments", money("10.00", "EUR", day)),
                409, null, null);

        Api.Response running = finance().post("/api/invoices/drafts", Map.of("engagementId", engagement,
                "period", YearMonth.from(day).toString()));
        assertThat(running.status()).as(running.toString()).isEqualTo(201);
        assertProblemNamingRule(finance().post("/api/invoices/" + running.json().get("invoiceId").asText() + "/issue",
                (String) null), 409, null, "period-not-ended");
        assertProblemNamingRule(finance().post("/api/invoices/drafts", Map.of("engagementId", engagement,
                "period", YearMonth.from(day).plusMonths(1).toString())), 422, "period", "future-period");
        assertProblemNamingRule(finance().post("/api/invoices/drafts", Map.of("engagementId", "no-such-engagement",
                "period", period.toString())), 404, "engagementId", "not-found");
    }

    @Test
    void aMoneyRequestRetriedWithoutAKeyIsRecordedOnceAndAnotherReferenceIsAnotherPayment() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagement("inv-retry", period.atDay(1), "3000.00");
        LocalDate day = period.plusMonths(1).atDay(2);
        moveClockTo(day);
        String id = finance().post("/api/invoices/drafts", Map.of("engagementId", engagement,
                "period", period.toString())).json().get("invoiceId").asText();
        assertThat(finance().post("/api/invoices/" + id + "/issue", (String) null).status()).isEqualTo(200);
        String payments = "/api/invoices/" + id + "/payments";

        Api.Response paid = finance().post(payments, money("100.00", "EUR", day, "reference", "SEPA 7"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long events = eventCount();
        Api.Response retried = finance().post(payments, money("100.00", "EUR", day, "reference", "SEPA 7"));
        assertThat(retried.status()).as("answered as the first, like an Idempotency-Key replay").isEqualTo(201);
        assertThat(retried.body()).isEqualTo(paid.body());
        assertThat(retried.header("Location")).isEqualTo(paid.header("Location"));
        assertThat(retried.header("ETag")).isEqualTo(paid.header("ETag"));
        Api.Response rewritten = finance().post(payments, money("100", "EUR", day, "reference", "SEPA 7"));
        assertThat(rewritten.json().get("paymentId").asText()).as("the same amount written otherwise")
                .isEqualTo(paid.json().get("paymentId").asText());
        assertThat(eventCount()).as("a retried payment records nothing").isEqualTo(events);

        Api.Response another = finance().post(payments, money("100.00", "EUR", day, "reference", "SEPA 8"));
        assertThat(another.status()).as(another.toString()).isEqualTo(201);
        assertThat(another.json().get("paymentId").asText()).isNotEqualTo(paid.json().get("paymentId").asText());
        assertThat(eventCount()).isEqualTo(events + 1);

        Map<String, Object> refund = money("50.00", "EUR", day, "reason", "Paid twice");
        Api.Response refunded = finance().post("/api/invoices/" + id + "/refunds", refund);
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        Api.Response refundRetried = finance().post("/api/invoices/" + id + "/refunds", refund);
        assertThat(refundRetried.status()).isEqualTo(201);
        assertThat(refundRetried.body()).isEqualTo(refunded.body());
        Map<String, Object> credit = money("10.00", "EUR", day, "reason", "Goodwill");
        Api.Response credited = finance().post("/api/invoices/" + id + "/credit-notes", credit);
        assertThat(finance().post("/api/invoices/" + id + "/credit-notes", credit).body())
                .isEqualTo(credited.body());
        assertThat(eventCount()).as("one payment more, one refund, one credit note").isEqualTo(events + 3);

        JsonNode invoice = invoice(id, i -> i.path("movements").size() == 4);
        assertThat(invoice.get("movements")).hasSize(4);
        assertThat(body(id)).contains("\"paid\":200.00").contains("\"refunded\":50.00")
                .contains("\"credited\":10.00");
    }

    private Api.Call finance() {
        return api.as("finance");
    }

    private static Map<String, Object> money(String amount, String currency, LocalDate date, String... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal(amount));
        body.put("currency", currency);
        body.put("date", date.toString());
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    /** The invoice once the read model satisfies {@code condition}. */
    private JsonNode invoice(String id, Predicate<JsonNode> condition) {
        return await().atMost(READ_MODEL_LAG).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/invoices/" + id);
            return response.status() == 200 ? response.json() : null;
        }, found -> found != null && condition.test(found));
    }

    /** The invoice's body as sent, whose amounts a JSON tree would read as binary fractions. */
    private String body(String id) {
        return api.as("auditor").get("/api/invoices/" + id).body();
    }

    private String pdfText(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/invoices/" + id))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("finance:secret".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf").GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        PdfReader reader = new PdfReader(response.body());
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }
}
