package com.engagementledger.iptransfer.web;

import static com.engagementledger.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * IP transfers over HTTP, end to end with the invoices, the transfer policy and the test clock (issue 8, "done
 * when"): issue, pay 40 %, pay the rest: PENDING, PARTIALLY_ASSIGNED (0.4), ASSIGNED; the certificate's hash
 * recomputed here from its JSON (keys sorted, compact, UTF-8, SHA-256: no application code) and printed on its PDF; a
 * chargeback afterwards CONTESTED in the list and the ledger while the certificate stays retrievable with the
 * contest beside it; finance's release; a dispute suspends until resolved; ON_CREATION assigns at issue; the
 * engagement's exclusions reach the next transfer and its certificate; and the refusals, each a 4xx problem naming
 * its field.
 */
class IpTransferHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(10);

    @Test
    void issuePayFortyThenSixtyPercentAssignsWithACertificateAnyoneCanCheckThenAChargebackContestsIt()
            throws Exception {
        YearMonth period = startNextMonth();
        String engagement = activeEngagementTransferringIp("ip-flow", period.atDay(1), "ON_PAYMENT");
        Api.Response excluded = api.as("manager").post("/api/engagements/" + engagement + "/ip-exclusions",
                Map.of("exclusions", List.of("Acme design system", "Zürich 図書館 library"),
                        "reason", "Pre-existing client code, MSA clause 9"));
        assertThat(excluded.status()).as(excluded.toString()).isEqualTo(200);
        LocalDate day = period.plusMonths(1).atDay(3);
        moveClockTo(day);
        String invoice = issuedInvoice(engagement, period);
        String id = "ipt-" + invoice;

        JsonNode pending = transfer(id, t -> t.path("status").asText().equals("PENDING"));
        assertThat(pending.get("invoiceId").asText()).isEqualTo(invoice);
        assertThat(pending.get("invoiceNumber").asText()).matches("INV-\\d{4}-\\d{6}");
        assertThat(pending.get("exclusions")).extracting(JsonNode::asText)
                .containsExactly("Acme design system", "Zürich 図書館 library");
        assertThat(body(id)).contains("\"amountDue\":9000.00").contains("\"amountPaid\":0.00");
        Api.Response early = api.as("auditor").get("/api/ip-transfers/" + id + "/certificate");
        assertProblem(early, 404, "id", "not-assigned");
        assertThat(early.json().path("detail").asText()).contains("PENDING");

        pay(invoice, "3600.00", day);
        JsonNode partly = transfer(id, t -> t.path("status").asText().equals("PARTIALLY_ASSIGNED"));
        assertThat(partly.get("paidShare").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(body(id)).contains("\"paidShare\":0.4,").contains("\"remaining\":5400.00");
        assertThat(api.as("auditor").get("/api/ip-transfers/" + id).header("ETag"))
                .isEqualTo("\"" + partly.get("version").asLong() + "\"");

        pay(invoice, "5400.00", day);
        JsonNode assigned = transfer(id, t -> t.path("status").asText().equals("ASSIGNED"));
        assertThat(assigned.get("paidShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(assigned.hasNonNull("assignedAt")).isTrue();

        Api.Response certificate = api.as("auditor").get("/api/ip-transfers/" + id + "/certificate");
        assertThat(certificate.status()).as(certificate.toString()).isEqualTo(200);
        JsonNode cert = certificate.json().get("certificate");
        String sha256 = certificate.json().get("sha256").asText();
        assertThat(sha256).matches("[0-9a-f]{64}").isEqualTo(assigned.get("sha256").asText());
        assertThat(sha256OfCanonicalJson(cert)).as("the hash recomputed from the JSON served").isEqualTo(sha256);
        assertThat(cert.get("amountDue").asText()).isEqualTo("9000.00");
        assertThat(cert.get("amountPaid").asText()).isEqualTo("9000.00");
        assertThat(cert.get("invoiceNumber").asText()).isEqualTo(assigned.get("invoiceNumber").asText());
        assertThat(cert.get("period").asText()).isEqualTo(period.toString());
        assertThat(cert.get("exclusions")).extracting(JsonNode::asText)
                .containsExactly("Acme design system", "Zürich 図書館 library");
        assertThat(cert.get("events")).extracting(event -> event.get("eventType").asText())
                .containsExactly("InvoiceIssued", "PaymentRecorded", "PaymentRecorded");
        assertThat(cert.get("events")).allSatisfy(event -> assertThat(event.get("globalPosition").isIntegralNumber())
                .isTrue());
        String pdf = pdfText("/api/ip-transfers/" + id + "/certificate");
        assertThat(pdf).contains(sha256).contains(cert.get("invoiceNumber").asText()).contains("9000.00 EUR")
                .contains("Acme design system");

        Api.Response chargedBack = api.as("finance").post("/api/invoices/" + invoice + "/chargebacks",
                money("5400.00", day, "reason", "Card issuer chargeback 4837"));
        assertThat(chargedBack.status()).as(chargedBack.toString()).isEqualTo(201);
        transfer(id, t -> t.path("status").asText().equals("CONTESTED"));
        JsonNode contestedList = api.as("manager").get("/api/ip-transfers?status=CONTESTED&engagementId="
                + engagement).json();
        assertThat(contestedList.get("items")).extracting(item -> item.get("ipTransferId").asText())
                .containsExactly(id);
        JsonNode ledger = api.as("auditor").get("/api/ip-transfers/ledger?engagementId=" + engagement).json();
        assertThat(ledger.get("rows").get(0).get("contested")).extracting(JsonNode::asText)
                .containsExactly(period.toString());
        assertThat(body(id)).as("contested: the client still owes what the chargeback took back")
                .contains("\"remaining\":5400.00");
        String ledgerBody = api.as("auditor").get("/api/ip-transfers/ledger?engagementId=" + engagement).body();
        assertThat(ledgerBody).as("nothing before assignment, the shortfall as its own figure, per row and total")
                .contains("\"remaining\":0.00,\"contestedShortfall\":5400.00}],")
                .endsWith("\"remaining\":0.00,\"contestedShortfall\":5400.00}]}");
        Api.Response csv = api.as("auditor").header("Accept", "text/csv")
                .get("/api/ip-transfers/ledger?engagementId=" + engagement);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("clientId,clientName,engagementId,currency,assigned,").contains(
                period.toString());
        assertThat(csv.body().lines().toList()).first().asString().endsWith(",remaining,contestedShortfall");
        assertThat(csv.body().lines().toList().get(1)).endsWith(",0.00,5400.00");
        Api.Response stillThere = api.as("auditor").get("/api/ip-transfers/" + id + "/certificate");
        assertThat(stillThere.json().get("certificate")).isEqualTo(cert);
        assertThat(stillThere.json().get("sha256").asText()).isEqualTo(sha256);
        assertThat(stillThere.json().get("status").asText()).isEqualTo("CONTESTED");
        assertThat(stillThere.json().get("contest").get("open").asBoolean()).isTrue();
        assertThat(stillThere.json().get("contest").get("kind").asText()).isEqualTo("CHARGEBACK");
        assertThat(pdfText("/api/ip-transfers/" + id + "/certificate")).contains(sha256).contains("CONTESTED");

        String release = "/api/ip-transfers/" + id + "/release";
        assertProblem(api.as("finance").post(release, Map.of("reason", " ")), 400, "reason", null);
        assertThat(api.as("auditor").post(release, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("manager").post(release, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.anonymous().post(release, Map.of("reason", "x")).status()).isEqualTo(401);
        Api.Response released = api.as("finance").post(release, Map.of("reason",
                "The bank reversed the chargeback; confirmed by the client in writing"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        JsonNode reassigned = transfer(id, t -> t.path("status").asText().equals("ASSIGNED"));
        assertThat(reassigned.get("contest").get("resolution").asText()).isEqualTo("RELEASED");
        assertThat(reassigned.get("sha256").asText()).isEqualTo(sha256);
        assertThat(body(id)).as("released: assigned again, the client still owes what it did not keep")
                .contains("\"remaining\":5400.00").contains("\"amountPaid\":3600.00");
        assertProblem(api.as("finance").post(release, Map.of("reason", "again")), 409, null, null);
        assertProblem(api.as("finance").post("/api/ip-transfers/" + id + "/exclusions",
                Map.of("exclusions", List.of("Something else"), "reason", "Too late")), 409, null, null);
    }

    @Test
    void aDisputeSuspendsTheTransferUntilItIsResolved() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagementTransferringIp("ip-dispute", period.atDay(1), "ON_PAYMENT");
        LocalDate day = period.plusMonths(1).atDay(3);
        moveClockTo(day);
        String invoice = issuedInvoice(engagement, period);
        String id = "ipt-" + invoice;
        pay(invoice, "1000.00", day);
        transfer(id, t -> t.path("status").asText().equals("PARTIALLY_ASSIGNED"));

        assertThat(api.as("finance").post("/api/invoices/" + invoice + "/dispute",
                Map.of("reason", "Hours not agreed")).status()).isEqualTo(200);
        JsonNode suspended = transfer(id, t -> t.path("status").asText().equals("SUSPENDED"));
        assertThat(suspended.get("suspension").get("reason").asText()).isEqualTo("Hours not agreed");
        assertThat(api.as("auditor").get("/api/ip-transfers?status=SUSPENDED&engagementId=" + engagement).json()
                .get("totalItems").asInt()).isEqualTo(1);

        assertThat(api.as("finance").post("/api/invoices/" + invoice + "/dispute/resolve",
                Map.of("reason", "Timesheets confirmed")).status()).isEqualTo(200);
        JsonNode resolved = transfer(id, t -> t.path("status").asText().equals("PARTIALLY_ASSIGNED"));
        assertThat(resolved.hasNonNull("suspension")).isFalse();
    }

    @Test
    void anOnCreationEngagementsTransferIsAssignedAtIssue() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagementTransferringIp("ip-creation", period.atDay(1), "ON_CREATION");
        moveClockTo(period.plusMonths(1).atDay(2));
        String invoice = issuedInvoice(engagement, period);
        JsonNode assigned = transfer("ipt-" + invoice, t -> t.path("status").asText().equals("ASSIGNED"));
        assertThat(assigned.get("trigger").asText()).isEqualTo("ON_CREATION");
        assertThat(body("ipt-" + invoice)).contains("\"amountPaid\":0.00")
                .as("assigned at issue, unpaid: all of it still owed").contains("\"remaining\":9000.00");
        Api.Response certificate = api.as("manager").get("/api/ip-transfers/ipt-" + invoice + "/certificate");
        assertThat(certificate.status()).as(certificate.toString()).isEqualTo(200);
        assertThat(certificate.json().get("certificate").get("trigger").asText()).isEqualTo("ON_CREATION");
        assertThat(sha256OfCanonicalJson(certificate.json().get("certificate")))
                .isEqualTo(certificate.json().get("sha256").asText());
    }

    @Test
    void exclusionsAreCheckedAndFinanceReplacesAPendingTransfersList() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagementTransferringIp("ip-exclusions", period.atDay(1), "ON_PAYMENT");
        String onEngagement = "/api/engagements/" + engagement + "/ip-exclusions";
        long events = eventCount();
        assertProblem(api.as("manager").post(onEngagement, Map.of("exclusions", List.of("Kit", "kit"),
                "reason", "MSA")), 422, "exclusions[1]", "unique");
        assertProblem(api.as("manager").post(onEngagement, Map.of("exclusions", List.of("x".repeat(201)),
                "reason", "MSA")), 400, "exclusions[0]", null);
        assertProblem(api.as("manager").post(onEngagement, Map.of("exclusions", Collections.nCopies(51, "a"),
                "reason", "MSA")), 400, "exclusions", null);
        assertProblem(api.as("manager").post(onEngagement, Map.of("exclusions", List.of("Kit"), "reason", "")), 400,
                "reason", null);
        assertProblem(api.as("finance").post("/api/engagements/no-such-engagement/ip-exclusions",
                Map.of("exclusions", List.of("Kit"), "reason", "MSA")), 404, null, null);
        assertThat(api.as("auditor").post(onEngagement, Map.of("exclusions", List.of("Kit"), "reason", "MSA"))
                .status()).isEqualTo(403);
        assertThat(eventCount()).as("nothing stored by refused requests").isEqualTo(events);
        assertThat(api.as("finance").post(onEngagement, Map.of("exclusions", List.of("Kit"), "reason", "MSA"))
                .status()).isEqualTo(200);

        moveClockTo(period.plusMonths(1).atDay(2));
        String invoice = issuedInvoice(engagement, period);
        String id = "ipt-" + invoice;
        assertThat(transfer(id, t -> t.path("status").asText().equals("PENDING")).get("exclusions"))
                .extracting(JsonNode::asText).containsExactly("Kit");
        String onTransfer = "/api/ip-transfers/" + id + "/exclusions";
        assertProblem(api.as("manager").post(onTransfer, Map.of("exclusions", List.of("A"), "reason", "x")), 403, null,
                null);
        assertProblem(api.as("finance").post(onTransfer, Map.of("exclusions", List.of("A", "B", "a"), "reason", "x")),
                422, "exclusions[2]", "unique");
        assertProblem(api.as("finance").post("/api/ip-transfers/ipt-no-such/exclusions",
                Map.of("exclusions", List.of("A"), "reason", "x")), 404, null, null);
        assertProblem(api.as("finance").header("If-Match", "\"99\"").post(onTransfer,
                Map.of("exclusions", List.of("A"), "reason", "x")), 412, null, null);
        Api.Response replaced = api.as("finance").post(onTransfer, Map.of("exclusions", List.of("Kit", "CAD models"),
                "reason", "The client's CAD models stay theirs"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        transfer(id, t -> t.path("exclusions").size() == 2);

        assertProblem(api.as("auditor").get("/api/ip-transfers/ipt-no-such"), 404, "id", "not-found");
        assertProblem(api.as("auditor").get("/api/ip-transfers/ipt-no-such/certificate"), 404, "id", "not-found");
        assertProblem(api.as("auditor").get("/api/ip-transfers?status=OWNED"), 400, null, null);
        assertThat(api.anonymous().get("/api/ip-transfers").status()).isEqualTo(401);
    }

    @Test
    void anIdOfAnotherKindOfAggregateIsNotFoundWhateverTheEndpointNothingStored() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagementTransferringIp("ip-other-kind", period.atDay(1), "ON_PAYMENT");
        moveClockTo(period.plusMonths(1).atDay(2));
        String invoice = issuedInvoice(engagement, period);
        String transfer = "ipt-" + invoice;
        transfer(transfer, t -> t.path("status").asText().equals("PENDING"));
        long events = eventCount();

        Map<String, Object> exclusions = Map.of("exclusions", List.of("Kit"), "reason", "MSA");
        notFound(api.as("finance").post("/api/engagements/" + transfer + "/ip-exclusions", exclusions),
                "No engagement with id " + transfer);
        notFound(api.as("finance").post("/api/ip-transfers/" + invoice + "/exclusions", exclusions),
                "No IP transfer with id " + invoice);
        notFound(api.as("finance").post("/api/ip-transfers/" + engagement + "/release", Map.of("reason", "x")),
                "No IP transfer with id " + engagement);
        notFound(api.as("finance").post("/api/invoices/" + engagement + "/issue", (String) null),
                "No invoice with id " + engagement);
        notFound(api.as("manager").post("/api/engagements/" + invoice + "/activate",
                Map.of("activationDate", period.atDay(1).toString())), "No engagement with id " + invoice);
        assertThat(eventCount()).as("nothing stored by refused requests").isEqualTo(events);
        assertThat(api.as("auditor").get("/api/ip-transfers/" + invoice).json().path("detail").asText())
                .as("GET and POST name an unknown transfer alike").isEqualTo("No IP transfer with id " + invoice);
    }

    @Test
    void theLedgerInARepresentationItCannotProduceIsNotAcceptableNotAnUnknownTransfer() {
        for (String accept : List.of("application/xml", "text/html")) {
            Api.Response response = api.as("auditor").header("Accept", accept).get("/api/ip-transfers/ledger");
            assertThat(response.status()).as(accept + ": " + response).isEqualTo(406);
        }
        assertThat(api.as("auditor").header("Accept", "application/json").get("/api/ip-transfers/ledger").status())
                .isEqualTo(200);
    }

    @Test
    void aRequestBodyOfTheWrongShapeOrSizeIsA400NamingTheFieldOnAllThreePosts() {
        YearMonth period = startNextMonth();
        String engagement = activeEngagementTransferringIp("ip-shape", period.atDay(1), "ON_PAYMENT");
        moveClockTo(period.plusMonths(1).atDay(2));
        String transfer = "ipt-" + issuedInvoice(engagement, period);
        transfer(transfer, t -> t.path("status").asText().equals("PENDING"));
        long events = eventCount();
        String longReason = "r".repeat(2001);
        for (String path : List.of("/api/engagements/" + engagement + "/ip-exclusions",
                "/api/ip-transfers/" + transfer + "/exclusions")) {
            Map<String, Object> noList = new LinkedHashMap<>();
            noList.put("exclusions", null);
            noList.put("reason", "MSA");
            invalid(api.as("finance").post(path, noList), "exclusions");
            invalid(api.as("finance").post(path, Map.of("reason", "MSA")), "exclusions");
            Api.Response tooLong = api.as("finance").post(path, Map.of("exclusions", List.of("x".repeat(201)),
                    "reason", "MSA"));
            invalid(tooLong, "exclusions[0]");
            assertThat(tooLong.json().path("detail").asText())
                    .isEqualTo("exclusions[0]: is longer than 200 characters");
            invalid(api.as("finance").post(path, Map.of("exclusions", Collections.nCopies(51, "a"),
                    "reason", "MSA")), "exclusions");
            Map<String, Object> noReason = new LinkedHashMap<>();
            noReason.put("exclusions", List.of("Kit"));
            noReason.put("reason", null);
            invalid(api.as("finance").post(path, noReason), "reason");
            invalid(api.as("finance").post(path, Map.of("exclusions", List.of("Kit"), "reason", longReason)),
                    "reason");
        }
        String release = "/api/ip-transfers/" + transfer + "/release";
        Map<String, Object> noReason = new LinkedHashMap<>();
        noReason.put("reason", null);
        invalid(api.as("finance").post(release, noReason), "reason");
        invalid(api.as("finance").post(release, Map.of("reason", longReason)), "reason");
        assertThat(eventCount()).as("nothing stored by refused requests").isEqualTo(events);
        assertProblem(api.as("finance").post(release, Map.of("reason", "Not contested")), 409, null, null);
    }

    /** A 400 naming the field in its errors and, first, in its detail. */
    private static void invalid(Api.Response response, String field) {
        assertProblem(response, 400, field, null);
        assertThat(response.json().path("detail").asText()).as(response.toString()).startsWith(field + ": ");
    }

    private static void notFound(Api.Response response, String detail) {
        assertProblem(response, 404, "id", "not-found");
        assertThat(response.json().path("detail").asText()).as(response.toString()).isEqualTo(detail);
    }

    /**
     * The SHA-256 of the certificate's canonical JSON, computed here without the application: keys sorted, no
     * whitespace, strings as JSON strings in UTF-8, integers as written (the certificate holds no other numbers).
     */
    private static String sha256OfCanonicalJson(JsonNode certificate) {
        StringBuilder json = new StringBuilder();
        canonical(certificate, json);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(new TextNode(names.get(i)));
                out.append(':');
                canonical(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isTextual() || node.isNull() || node.isBoolean()) {
            out.append(node);
        } else {
            throw new AssertionError("a certificate holds only strings and integers, not " + node);
        }
    }

    private String issuedInvoice(String engagement, YearMonth period) {
        Api.Response drafted = api.as("finance").post("/api/invoices/drafts",
                Map.of("engagementId", engagement, "period", period.toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String invoice = drafted.json().get("invoiceId").asText();
        Api.Response issued = api.as("finance").post("/api/invoices/" + invoice + "/issue", (String) null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        return invoice;
    }

    private void pay(String invoice, String amount, LocalDate day) {
        Api.Response paid = api.as("finance").post("/api/invoices/" + invoice + "/payments",
                money(amount, day, "reference", "SEPA " + amount));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    private static Map<String, Object> money(String amount, LocalDate date, String... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal(amount));
        body.put("currency", "EUR");
        body.put("date", date.toString());
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    /** The transfer once the read model satisfies {@code condition}. */
    private JsonNode transfer(String id, Predicate<JsonNode> condition) {
        return await().atMost(READ_MODEL_LAG).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/ip-transfers/" + id);
            return response.status() == 200 ? response.json() : null;
        }, found -> found != null && condition.test(found));
    }

    /** The transfer's body as sent, whose amounts a JSON tree would read as binary fractions. */
    private String body(String id) {
        return api.as("auditor").get("/api/ip-transfers/" + id).body();
    }

    private String pdfText(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("auditor:secret".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf").GET().build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        PdfReader reader = new PdfReader(response.body());
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** An engagement without a trial, one monthly seat of 9000.00 EUR from {@code start}, the IP trigger given. */
    private String activeEngagementTransferringIp(String client, LocalDate start, String ipTrigger) {
        Map<String, Object> body = proposal(client, start.toString());
        body.put("terms", Map.of("trialDays", 0, "ipTrigger", ipTrigger));
        body.put("seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                "rate", new BigDecimal("9000.00"), "startDate", start.toString())));
        return proposeAndActivate(body, start);
    }
}
