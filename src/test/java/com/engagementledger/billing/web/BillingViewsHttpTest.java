package com.engagementledger.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.IssueCreditNote;
import com.engagementledger.invoicing.api.IssuedInvoice;
import com.engagementledger.invoicing.api.RecordPayment;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finance's billing views over HTTP on the real command side: invoices of one month in EUR, JPY and KWD drafted,
 * issued, partly paid and credited; every view answers the same rows in CSV (read back with Jackson's CSV module) as
 * in JSON, to the cent, with each currency's minor digits; bad parameters are 400 problems naming the parameter;
 * every role reads, nobody anonymous.
 */
class BillingViewsHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(30);
    private static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";
    /** Reads amounts exactly as written: 0.00 stays 0.00 (Jackson's default tree would strip the zeros). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Autowired
    private CommandGateway commands;

    @Test
    void everyViewAnswersTheSameInCsvAsInJson() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // engagements starting on the 11th of next month: a prorated month in each currency
        LocalDate first = LocalDate.ofInstant(now(), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        LocalDate start = first.plusDays(10);
        moveClockTo(start);
        YearMonth period = YearMonth.from(first);
        // a client name a spreadsheet would run as a formula: the CSV neutralizes it, the JSON carries it as it is
        String eur = activeEngagement("eur-" + run, FORMULA, "EUR", "9000.00", start);
        String jpy = activeEngagement("jpy-" + run, "JPY", "1000000", start);
        String kwd = activeEngagement("kwd-" + run, "KWD", "3000.000", start);
        LocalDate issueDay = first.plusMonths(1);
        moveClockTo(issueDay);

        IssuedInvoice eurInvoice = draftAndIssue(eur, period);
        IssuedInvoice jpyInvoice = draftAndIssue(jpy, period);
        IssuedInvoice kwdInvoice = draftAndIssue(kwd, period);
        commands.sendAndWait(new RecordPayment(eurInvoice.invoiceId(), "pay-" + run, new BigDecimal("1000.00"), "EUR",
                issueDay, "wire", null));
        commands.sendAndWait(new RecordPayment(jpyInvoice.invoiceId(), "pay-" + run, new BigDecimal("100000"), "JPY",
                issueDay, "wire", null));
        commands.sendAndWait(new IssueCreditNote(kwdInvoice.invoiceId(), "cn-" + run, new BigDecimal("0.500"), "KWD",
                issueDay, "goodwill", null));

        // the reconciliation of each engagement, once the movements are in, agrees with the aging to the cent
        String aging = "/api/billing/aging?asOf=" + issueDay;
        for (String engagement : List.of(eur, jpy, kwd)) {
            JsonNode row = await().atMost(READ_MODEL_LAG).until(() -> json("/api/billing/reconciliation?engagementId="
                    + engagement + "&period=" + period).path("rows").path(0),
                    r -> r.path("invoiced").decimalValue().signum() > 0
                            && r.path("outstanding").decimalValue().compareTo(r.path("invoiced").decimalValue()) < 0);
            assertThat(row.path("flagged").asBoolean()).as(row.toString()).isFalse();
            assertThat(row.path("difference").decimalValue().signum()).as(row.toString()).isZero();
            JsonNode client = clientRow(json(aging).path("rows"), row.path("currency").asText().toLowerCase() + "-"
                    + run);
            assertThat(client).as("aging row of " + row).isNotNull();
            assertThat(client.path("current").decimalValue()).as(row + " against " + client)
                    .isEqualTo(row.path("outstanding").decimalValue());
            assertThat(client.path("total").decimalValue()).as(row + " against " + client)
                    .isEqualTo(row.path("outstanding").decimalValue());
        }
        JsonNode agingRows = json(aging).path("rows");
        JsonNode eurRow = clientRow(agingRows, "eur-" + run);
        assertThat(eurRow.path("total").decimalValue())
                .isEqualTo(json("/api/billing/reconciliation?engagementId=" + eur).path("rows").path(0)
                        .path("invoiced").decimalValue().subtract(new BigDecimal("1000.00")));
        assertThat(clientRow(agingRows, "jpy-" + run).path("total").decimalValue().scale()).isZero();
        assertThat(clientRow(agingRows, "kwd-" + run).path("total").decimalValue().scale()).isEqualTo(3);

        sameInCsv(aging, "aging-" + issueDay + ".csv");
        assertThat(eurRow.path("clientName").asText()).isEqualTo(FORMULA);
        assertThat(csvRows(aging)).filteredOn(row -> row.get("clientId").equals("eur-" + run))
                .extracting(row -> row.get("clientName")).containsExactly("'" + FORMULA);
        sameInCsv("/api/billing/revenue?from=" + period + "&to=" + YearMonth.from(issueDay),
                "revenue-" + period + "-" + YearMonth.from(issueDay) + ".csv");
        sameInCsv("/api/billing/reconciliation?engagementId=" + kwd,
                "reconciliation-" + kwd + ".csv");
        sameInCsv("/api/billing/unbilled?asOf=" + issueDay, "unbilled-" + issueDay + ".csv");
    }

    @Test
    void theAcceptHeaderChoosesByQualityAndEqualQualityIsJson() {
        String path = "/api/billing/revenue?from=2020-01&to=2020-02";
        for (String accept : List.of("application/json;q=1.0, text/csv;q=0.5", "text/csv;q=0.1, application/json",
                "text/csv, application/json")) {
            Api.Response response = api.as("finance").header("Accept", accept).get(path);
            assertThat(response.status()).as(accept + " " + response).isEqualTo(200);
            assertThat(response.contentType()).as(accept).startsWith("application/json");
        }
        Api.Response csv = api.as("finance").header("Accept", "application/json;q=0.5, text/csv").get(path);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        refused("/api/billing/aging?asOf=2026-02-30", "asOf", "date");
        refused("/api/billing/aging?asOf=yesterday", "asOf", "date");
        refused("/api/billing/aging?asOf=2026-2-3", "asOf", "date");
        refused("/api/billing/unbilled?asOf=20260203", "asOf", "date");
        // a day far ahead walked every month up to it: 30 s, then a 500; bounded, one rule for API and console
        refused("/api/billing/unbilled?asOf=9999-12-31", "asOf", "date-range");
        refused("/api/billing/unbilled?asOf=2100-01-01", "asOf", "date-range");
        refused("/api/billing/aging?asOf=1999-12-31", "asOf", "date-range");
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        refused("/api/billing/aging?asOf=" + today.plusYears(1).plusDays(1), "asOf", "date-range");
        assertThat(api.as("finance").get("/api/billing/aging?asOf=" + today.plusYears(1)).status())
                .as("a year ahead is still a day one may ask about").isEqualTo(200);
        assertThat(api.as("finance").get("/api/billing/aging?asOf=9999-12-31").json().path("errors").path(0)
                .path("message").asText()).contains("2000-01-01").contains("one year after today");
        refused("/api/billing/unbilled?size=0", "size", null);
        refused("/api/billing/unbilled?page=-1", "page", null);
        refused("/api/billing/reconciliation?period=2027-13", "period", "month");
        refused("/api/billing/reconciliation?period=2027-1", "period", "month");
        refused("/api/billing/reconciliation?period=2027-01-01", "period", null);
        refused("/api/billing/revenue?from=2026-05&to=2026-04", "from", "from-after-to");
        refused("/api/billing/revenue?from=2026-00", "from", "month");
        refused("/api/billing/revenue?from=2010-01&to=2026-04", "to", "range-too-long");
        refused("/api/billing/revenue?asOf=2026-04-01", "asOf", null);
        Api.Response unknown = api.as("finance").get("/api/billing/reconciliation?engagementId=no-such-engagement");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // asked for CSV, a refusal is still a problem document
        Api.Response csv = api.as("finance").header("Accept", "text/csv").get("/api/billing/aging?asOf=2026-02-30");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(400);
        assertThat(csv.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyRoleReadsTheViewsAndAnonymousNobody() {
        for (String path : List.of("/api/billing/aging", "/api/billing/unbilled", "/api/billing/revenue",
                "/api/billing/reconciliation?period=2020-01")) {
            for (String user : List.of("finance", "auditor", "manager", "admin")) {
                assertThat(api.as(user).get(path).status()).as(user + " " + path).isEqualTo(200);
            }
            assertThat(api.anonymous().get(path).status()).as("anonymous " + path).isEqualTo(401);
        }
    }

    private void sameInCsv(String path, String filename) throws IOException {
        JsonNode view = json(path);
        Api.Response csv = api.as("auditor").header("Accept", "text/csv").get(path);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + filename + "\"");
        List<Map<String, String>> fromCsv = csvRows(csv.body());
        List<Map<String, String>> fromJson = new ArrayList<>();
        view.path("rows").forEach(row -> {
            Map<String, String> cells = new LinkedHashMap<>();
            fromCsv.stream().findFirst().ifPresent(header -> header.keySet().forEach(column -> cells.put(column,
                    text(row.path(column)))));
            fromJson.add(cells);
        });
        assertThat(fromCsv).as(path).hasSize(view.path("rows").size()).isEqualTo(fromJson);
        if (!fromCsv.isEmpty()) {
            assertThat(fromCsv.get(0).keySet()).as("the header of " + path)
                    .containsExactlyElementsOf(fieldNames(view.path("rows").get(0), fromCsv.get(0).keySet()));
        }
    }

    private List<Map<String, String>> csvRows(String pathOrBody) throws IOException {
        String body = pathOrBody;
        if (pathOrBody.startsWith("/api/")) {
            Api.Response csv = api.as("auditor").header("Accept", "text/csv").get(pathOrBody);
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            body = csv.body();
        }
        List<Map<String, String>> fromCsv = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            rows.forEachRemaining(fromCsv::add);
        }
        return fromCsv;
    }

    /** The JSON row's own fields, with those it leaves out as null among the CSV's columns. */
    private static List<String> fieldNames(JsonNode row, Iterable<String> columns) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        List<String> all = new ArrayList<>();
        columns.forEach(all::add);
        assertThat(all).containsAll(names);
        return all;
    }

    /** A JSON value as the CSV writes it: amounts plain with their scale, null or absent empty. */
    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        // text a spreadsheet would run as a formula is written with a leading apostrophe
        String text = value.asText();
        return value.isTextual() && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private JsonNode json(String path) throws IOException {
        Api.Response response = api.as("finance").get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static JsonNode clientRow(JsonNode rows, String clientId) {
        for (JsonNode row : rows) {
            if (row.path("clientId").asText().equals(clientId)) {
                return row;
            }
        }
        return null;
    }

    private void refused(String path, String field, String rule) {
        Api.Response response = api.as("finance").get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        JsonNode error = response.json().path("errors").path(0);
        assertThat(error.path("field").asText()).as(path + " " + response).isEqualTo(field);
        if (rule != null) {
            assertThat(error.path("rule").asText()).as(path + " " + response).isEqualTo(rule);
        }
    }

    private IssuedInvoice draftAndIssue(String engagementId, YearMonth period) {
        String invoiceId = commands.sendAndWait(new DraftInvoice(engagementId, UUID.randomUUID().toString(), period));
        return commands.sendAndWait(new IssueInvoice(invoiceId, null));
    }

    /** An engagement of {@code client} in {@code currency} without a trial, active from {@code start}. */
    private String activeEngagement(String client, String currency, String rate, LocalDate start) {
        return activeEngagement(client, "Client " + client, currency, rate, start);
    }

    private String activeEngagement(String client, String clientName, String currency, String rate,
                                    LocalDate start) {
        Map<String, Object> body = proposalWithoutTrial(client, start.toString());
        body.put("clientName", clientName);
        body.put("currency", currency);
        body.put("seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                "rate", new BigDecimal(rate), "startDate", start.toString())));
        return proposeAndActivate(body, start);
    }
}
