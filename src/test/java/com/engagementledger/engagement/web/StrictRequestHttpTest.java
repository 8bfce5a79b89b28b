package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies, headers and query parameters are taken as they are or refused, never coerced: a number where
 * text is expected, text where a number is, a fraction where a whole number is, a number where a boolean is, a JSON
 * key given twice, a repeated single-valued header or query parameter. Each is a 400 naming the field, and nothing is
 * stored.
 */
class StrictRequestHttpTest extends HttpTestSupport {

    @Test
    void aFractionalDayCountIsNotTruncated() {
        Map<String, Object> body = proposal("strict-trial", today());
        body.put("terms", Map.of("trialDays", 1.5));
        refused(api.as("manager").post("/api/engagements", body), "terms.trialDays");
    }

    @Test
    void aRateGivenAsTextIsNotConverted() {
        Map<String, Object> body = proposal("strict-rate", today());
        body.put("seats", List.of(Map.of("professionalId", "p", "professionalName", "P", "rate", "10",
                "startDate", today())));
        refused(api.as("manager").post("/api/engagements", body), "seats[0].rate");
    }

    @Test
    void numbersAndBooleansAreNoText() {
        String id = propose("strict-reason", today());
        refused(api.as("manager").post("/api/engagements/" + id + "/cancel", "{\"reason\": 42}"), "reason");
        refused(api.as("manager").post("/api/engagements/" + id + "/cancel", "{\"reason\": true}"), "reason");
        Map<String, Object> body = proposal("strict-text", today());
        body.put("clientName", 12.5);
        refused(api.as("manager").post("/api/engagements", body), "clientName");
    }

    @Test
    void numbersAndTextAreNoBooleans() {
        String id = proposeWithoutTrial("strict-cause", today());
        String lastDay = LocalDate.parse(today()).plusDays(60).toString();
        refused(api.as("manager").post("/api/engagements/" + id + "/notice",
                "{\"lastDay\": \"" + lastDay + "\", \"forCause\": 1, \"reason\": \"late\"}"), "forCause");
        refused(api.as("manager").post("/api/engagements/" + id + "/notice",
                "{\"lastDay\": \"" + lastDay + "\", \"forCause\": \"true\", \"reason\": \"late\"}"), "forCause");
    }

    @Test
    void aKeyGivenTwiceIsRefusedByItsPath() {
        String id = propose("strict-dup", today());
        refused(api.as("manager").post("/api/engagements/" + id + "/cancel",
                "{\"reason\": \"a\", \"reason\": \"b\"}"), "reason");
        String seats = "[{\"professionalId\": \"p\", \"professionalName\": \"P\", \"rate\": 10, \"rate\": 20,"
                + " \"startDate\": \"" + today() + "\"}]";
        refused(api.as("manager").post("/api/engagements", "{\"clientId\": \"c\", \"clientName\": \"C\","
                + " \"roleTitle\": \"R\", \"currency\": \"EUR\", \"billingModel\": \"MONTHLY\", \"seats\": " + seats
                + "}"), "seats[0].rate");
    }

    @Test
    void aRepeatedIdempotencyKeyIsRefused() throws Exception {
        long events = eventCount();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/engagements"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("manager:secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "first")
                .header("Idempotency-Key", "second")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(proposal("strict-key", today()))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"Idempotency-Key\"");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRepeatedSingleValuedQueryParameterIsRefused() {
        refused(api.as("auditor").get("/api/engagements?status=PROPOSED&status=ACTIVE"), "status");
        refused(api.as("auditor").get("/api/engagements?clientId=a&clientId=b"), "clientId");
        refused(api.as("auditor").get("/api/engagements?page=0&page=1"), "page");
    }

    @Test
    void noDetailNamesAJavaTypeOrAJacksonFeature() {
        String id = propose("strict-words", today());
        List<String> bodies = List.of("{\"reason\": NaN}", "{\"reason\": \"x\"", "{\"reason\": 01}",
                "{\"reason\": \"x\"} {}", "{\"reason\": [1]}", "{\"reason\": {\"a\": 1}}", "{'reason': 'x'}",
                "{\"reason\": \"x\u0001\"}", "[1, 2]", "{\"reason\": 1e400}");
        List<String> leaks = new ArrayList<>();
        for (String body : bodies) {
            Api.Response response = api.as("manager").post("/api/engagements/" + id + "/cancel", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            if (response.body().matches("(?s).*(java\\.|jackson|Feature|`|com\\.engagementledger|Source:).*")) {
                leaks.add(body + " -> " + response.body());
            }
        }
        assertThat(leaks).isEmpty();
    }

    private void refused(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().path("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).as(response.toString()).contains(field);
    }

    private String today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();
    }
}
