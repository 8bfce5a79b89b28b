package com.engagementledger.invoicing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.InvoiceBalance;
import com.engagementledger.invoicing.api.InvoiceDrafted;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.InvoiceLine;
import com.engagementledger.invoicing.api.InvoiceLineKind;
import com.engagementledger.invoicing.api.PaymentRecorded;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invoice endpoints over HTTP, apart from the command side: malformed requests (a zero or negative payment, a
 * currency that is no ISO code, period {@code 2027-13}, a missing reason, ...) are refused with a 400 naming the
 * field before any command is sent, and nothing is stored; only finance changes invoices; an invoice in the read
 * model (its events stored directly, as the command side stores them) reads as JSON with its version as ETag, and
 * with {@code Accept: application/pdf} as a PDF showing the same number and total. Refusals the command side
 * decides (over-payment, wrong currency, unknown engagement, ...) are in {@link InvoiceFlowHttpTest}.
 */
class InvoiceHttpTest extends HttpTestSupport {

    private static final String INVOICE = "/api/invoices/no-such-invoice";

    @Autowired
    private EventStore eventStore;

    private record Case(String name, String method, String path, String body, String field) {
    }

    @Test
    void malformedRequestsGetProblemsNamingTheFieldAndStoreNothing() {
        List<Case> cases = new ArrayList<>();
        String drafts = "/api/invoices/drafts";
        cases.add(new Case("month 13", "POST", drafts, "{\"engagementId\": \"e1\", \"period\": \"2027-13\"}",
                "period"));
        cases.add(new Case("month 00", "POST", drafts, "{\"engagementId\": \"e1\", \"period\": \"2027-00\"}",
                "period"));
        cases.add(new Case("month without its zero", "POST", drafts,
                "{\"engagementId\": \"e1\", \"period\": \"2027-3\"}", "period"));
        cases.add(new Case("a date for a period", "POST", drafts,
                "{\"engagementId\": \"e1\", \"period\": \"2027-03-01\"}", "period"));
        cases.add(new Case("no period", "POST", drafts, "{\"engagementId\": \"e1\"}", "period"));
        cases.add(new Case("no engagement", "POST", drafts, "{\"period\": \"2027-03\"}", "engagementId"));
        cases.add(new Case("malformed engagement id", "POST", drafts,
                "{\"engagementId\": \"e 1\", \"period\": \"2027-03\"}", "engagementId"));
        cases.add(new Case("draft with an unknown field", "POST", drafts,
                "{\"engagementId\": \"e1\", \"period\": \"2027-03\", \"lines\": []}", "lines"));
        cases.add(new Case("no body", "POST", drafts, null, null));

        String payment = INVOICE + "/payments";
        cases.add(new Case("zero payment", "POST", payment, payment("0", "EUR"), "amount"));
        cases.add(new Case("negative payment", "POST", payment, payment("-10.00", "EUR"), "amount"));
        cases.add(new Case("payment without an amount", "POST", payment,
                "{\"currency\": \"EUR\", \"date\": \"2035-04-15\"}", "amount"));
        cases.add(new Case("payment amount as text", "POST", payment, payment("\"ten\"", "EUR"), "amount"));
        cases.add(new Case("currency in lower case", "POST", payment, payment("10.00", "eur"), "currency"));
        cases.add(new Case("currency that is no code", "POST", payment, payment("10.00", "EURO"), "currency"));
        cases.add(new Case("payment without a currency", "POST", payment,
                "{\"amount\": 10.00, \"date\": \"2035-04-15\"}", "currency"));
        cases.add(new Case("impossible payment date", "POST", payment,
                "{\"amount\": 10.00, \"currency\": \"EUR\", \"date\": \"2035-02-30\"}", "date"));
        cases.add(new Case("payment without a date", "POST", payment,
                "{\"amount\": 10.00, \"currency\": \"EUR\"}", "date"));
        cases.add(new Case("payment with an unknown field", "POST", payment,
                "{\"amount\": 10.00, \"currency\": \"EUR\", \"date\": \"2035-04-15\", \"paymentId\": \"p1\"}",
                "paymentId"));
        cases.add(new Case("refund without a reason", "POST", INVOICE + "/refunds", payment("10.00", "EUR"),
                "reason"));
        cases.add(new Case("zero refund", "POST", INVOICE + "/refunds",
                "{\"amount\": 0, \"currency\": \"EUR\", \"date\": \"2035-04-15\", \"reason\": \"x\"}", "amount"));
        cases.add(new Case("chargeback with a blank reason", "POST", INVOICE + "/chargebacks",
                "{\"amount\": 10, \"currency\": \"EUR\", \"date\": \"2035-04-15\", \"reason\": \" \"}", "reason"));
        cases.add(new Case("credit note without a reason", "POST", INVOICE + "/credit-notes",
                payment("10.00", "EUR"), "reason"));
        cases.add(new Case("negative credit note", "POST", INVOICE + "/credit-notes",
                "{\"amount\": -1, \"currency\": \"EUR\", \"date\": \"2035-04-15\", \"reason\": \"x\"}", "amount"));
        cases.add(new Case("void without a reason", "POST", INVOICE + "/void", "{}", "reason"));
        cases.add(new Case("void without a body", "POST", INVOICE + "/void", null, null));
        cases.add(new Case("dispute with a blank reason", "POST", INVOICE + "/dispute", "{\"reason\": \"\"}",
                "reason"));
        cases.add(new Case("resolution without a reason", "POST", INVOICE + "/dispute/resolve", "{}", "reason"));
        cases.add(new Case("overlong reason", "POST", INVOICE + "/dispute",
                "{\"reason\": \"" + "r".repeat(2001) + "\"}", "reason"));
        cases.add(new Case("malformed invoice id", "POST", "/api/invoices/i!1/issue", null, "id"));

        cases.add(new Case("period 2027-13 in the list", "GET", "/api/invoices?period=2027-13", null, "period"));
        cases.add(new Case("status not in the list", "GET", "/api/invoices?status=OVERDUE", null, "status"));
        cases.add(new Case("page too large", "GET", "/api/invoices?size=201", null, "size"));
        cases.add(new Case("unknown parameter", "GET", "/api/invoices?client=acme", null, "client"));
        cases.add(new Case("malformed invoice id read", "GET", "/api/invoices/i!1", null, "id"));

        long events = eventCount();
        SoftAssertions soft = new SoftAssertions();
        for (Case c : cases) {
            Api.Call finance = api.as("finance");
            Api.Response response = c.method().equals("GET") ? finance.get(c.path())
                    : finance.post(c.path(), c.body());
            String what = c.name() + " -> " + response;
            soft.assertThat(response.status()).as(what).isEqualTo(400);
            soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            JsonNode problem = response.json();
            if (c.field() != null) {
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
                soft.assertThat(fields).as(what).contains(c.field());
                problem.path("errors").forEach(error ->
                        soft.assertThat(error.path("rule").asText()).as(what).isNotBlank());
            } else {
                soft.assertThat(problem.path("rule").asText()).as(what).isNotBlank();
            }
        }
        soft.assertThat(eventCount()).as("events stored").isEqualTo(events);
        soft.assertAll();
    }

    @Test
    void onlyFinanceChangesInvoicesAndEveryRoleReadsThem() {
        long events = eventCount();
        String draft = "{\"engagementId\": \"e1\", \"period\": \"2027-03\"}";
        assertThat(api.as("manager").post("/api/invoices/drafts", draft).status()).isEqualTo(403);
        assertThat(api.as("auditor").post("/api/invoices/drafts", draft).status()).isEqualTo(403);
        assertThat(api.as("admin").post("/api/invoices/drafts", draft).status()).isEqualTo(403);
        assertThat(api.as("auditor").post(INVOICE + "/payments", payment("10.00", "EUR")).status())
                .isEqualTo(403);
        assertThat(api.as("manager").post(INVOICE + "/credit-notes", "{}").status()).isEqualTo(403);
        assertThat(api.as("auditor").post(INVOICE + "/void", "{\"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/invoices").status()).isEqualTo(401);
        for (String user : List.of("manager", "finance", "auditor", "admin")) {
            assertThat(api.as(user).get("/api/invoices").status()).as(user).isEqualTo(200);
            assertThat(api.as(user).get(INVOICE).status()).as(user).isEqualTo(404);
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownInvoiceIsNotFoundNamingTheId() throws Exception {
        Api.Response response = api.as("auditor").get(INVOICE);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(response.json().path("detail").asText()).isEqualTo("No invoice with id no-such-invoice");
        HttpResponse<byte[]> pdf = raw(INVOICE, "application/pdf");
        assertThat(pdf.statusCode()).as("a PDF of nothing").isEqualTo(404);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void anInvoiceReadsAsJsonWithItsVersionAndAsAPdfWithTheSameNumberAndTotal() throws Exception {
        String id = "http-" + UUID.randomUUID();
        String client = "client-" + id;
        BigDecimal total = new BigDecimal("11177.42");
        InvoiceLine line = new InvoiceLine(InvoiceLineKind.SEAT_FEE, "s1", "Anna Kowalski", "Backend Engineer",
                LocalDate.of(2035, 3, 1), LocalDate.of(2035, 3, 31), new BigDecimal("31"),
                new BigDecimal("11177.42"), total);
        InvoiceBalance issued = InvoiceBalance.issued(total);
        store(id, 0, new InvoiceDrafted(id, "e-" + id, client, "Acme Manufacturing", "EUR", "2035-03", "UTC", 30,
                IpTrigger.ON_PAYMENT, List.of(line), total, LocalDate.of(2035, 4, 1)));
        store(id, 1, new InvoiceIssued(id, "e-" + id, client, "2035-03", "INV-2035-000777",
                LocalDate.of(2035, 4, 1), LocalDate.of(2035, 5, 1), "EUR", List.of(line), total,
                IpTrigger.ON_PAYMENT, issued));
        store(id, 2, new PaymentRecorded(id, "p1", new BigDecimal("5000"), "EUR", LocalDate.of(2035, 4, 15),
                "SEPA ACME", issued.afterPayment(new BigDecimal("5000"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> api.as("auditor").get("/api/invoices/" + id).status()
                == 200 && api.as("auditor").get("/api/invoices/" + id).json().path("version").asLong() == 2);
        Api.Response read = api.as("auditor").get("/api/invoices/" + id);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        JsonNode invoice = read.json();
        assertThat(invoice.get("number").asText()).isEqualTo("INV-2035-000777");
        assertThat(invoice.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice.get("clientName").asText()).isEqualTo("Acme Manufacturing");
        // the body as sent: a JSON tree would read the numbers as binary fractions
        assertThat(read.body()).contains("\"total\":11177.42").contains("\"balance\":6177.42")
                .as("a payment of 5000 in the minor unit").contains("\"paid\":5000.00");
        assertThat(invoice.get("lines").get(0).get("kind").asText()).isEqualTo("SEAT_FEE");
        assertThat(invoice.get("movements").get(0).get("id").asText()).isEqualTo("p1");
        assertThat(invoice.has("overdue")).isTrue();
        for (String field : List.of("invoiceId", "number", "engagementId", "clientId", "clientName", "period",
                "status", "overdue", "currency", "issueDate", "dueDate", "lines", "total", "paid", "refunded",
                "chargedBack", "credited", "balance", "version")) {
            assertThat(invoice.has(field)).as(field).isTrue();
        }
        assertThat(api.as("finance").header("If-None-Match", "\"2\"").get("/api/invoices/" + id).status())
                .isEqualTo(304);
        Api.Response listed = api.as("manager").get("/api/invoices?clientId=" + client + "&period=2035-03");
        assertThat(listed.json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("invoiceId").asText()).isEqualTo(id);

        HttpResponse<byte[]> pdf = raw("/api/invoices/" + id, "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"2\"");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("INV-2035-000777.pdf");
        String text = text(pdf.body());
        assertThat(text).contains("INV-2035-000777").contains("11,177.42 EUR").contains("6,177.42 EUR");

        HttpResponse<byte[]> preferred = raw("/api/invoices/" + id, "application/json;q=0.5, application/pdf");
        assertThat(preferred.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        HttpResponse<byte[]> json = raw("/api/invoices/" + id, "*/*");
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(raw("/api/invoices/" + id, "text/csv").statusCode()).isEqualTo(406);
    }

    @Test
    void theOpenApiDocumentShowsTheDraftsTwoAnswersAndThePdf() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().get("paths");
        JsonNode draft = paths.get("/api/invoices/drafts").get("post").get("responses");
        assertThat(draft.has("201")).as("a new draft").isTrue();
        assertThat(draft.has("200")).as("a regenerated draft").isTrue();
        JsonNode read = paths.get("/api/invoices/{id}").get("get").get("responses").get("200").get("content");
        assertThat(read.has("application/json")).isTrue();
        assertThat(read.has("application/pdf")).isTrue();
        assertThat(paths.get("/api/invoices/{id}/payments").get("post").get("responses").has("201")).isTrue();
    }

    private void store(String id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Invoice", id, sequence, payload,
                MetaData.with("actor", "invoice-http-test").and("roles", "FINANCE")));
    }

    private static String payment(String amount, String currency) {
        return "{\"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"date\": \"2035-04-15\"}";
    }

    private HttpResponse<byte[]> raw(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("auditor:secret".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] bytes) throws IOException {
        PdfReader reader = new PdfReader(bytes);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    static Map<String, Object> body(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}
