package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.engagementledger.support.RawHttp;
import com.engagementledger.support.RawHttp.Raw;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The protocol holes a second hostile review found over HTTP (ADR 0024, "Second review"): unknown and unreadable
 * query parameters, entity tags compared as numbers, If-Match ignored on reads, a 405's Allow unlike OPTIONS',
 * {@code q=0} ignored, problems from Tomcat without a request id, a body buffered before the role check, and a
 * repeated {@code Sec-Fetch-Site}.
 */
class SecondReviewHttpTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER = basic("manager");
    private static final String AUDITOR = basic("auditor");

    @Test
    void unknownQueryParametersAreRefusedNamingTheAcceptedOnes() {
        SoftAssertions soft = new SoftAssertions();
        for (String query : List.of("Status=ENDED", "foo=bar", "sort=x", "status=ENDED&page=0&extra=1")) {
            Api.Response response = api.as("auditor").get("/api/engagements?" + query);
            soft.assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            String unknown = query.contains("extra") ? "extra" : query.substring(0, query.indexOf('='));
            soft.assertThat(response.body()).as(query)
                    .contains("\"field\":\"" + unknown + "\"")
                    .contains("status", "clientId", "page", "size");
        }
        soft.assertThat(api.as("auditor").get("/api/engagements?status=ENDED&clientId=c&page=0&size=5").status())
                .isEqualTo(200);
        soft.assertThat(api.as("auditor").get("/v3/api-docs?foo=bar").status()).isEqualTo(200);
        soft.assertThat(api.anonymous().get("/actuator/health?foo=bar").status()).isEqualTo(200);
        soft.assertAll();
    }

    @Test
    void controlCharactersAndInvalidUtf8InQueryValuesAreRefused() {
        SoftAssertions soft = new SoftAssertions();
        for (String value : List.of("%00", "a%0Ab", "%1B%5B2J", "%7F", "%C0%AF", "%FF", "%E2%82")) {
            Api.Response response = api.as("auditor").get("/api/engagements?clientId=" + value);
            soft.assertThat(response.status()).as(value + " -> " + response).isEqualTo(400);
            soft.assertThat(response.body()).as(value).contains("\"field\":\"clientId\"");
        }
        soft.assertThat(api.as("auditor").get("/api/engagements?clientId=M%C3%BCller").status()).isEqualTo(200);
        soft.assertAll();
    }

    @Test
    void aBracketedParameterNameIsRefusedByName() throws IOException {
        Raw response = RawHttp.send(port, "GET /api/engagements?status[]=ENDED HTTP/1.1", AUDITOR);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("status[]").doesNotContain("Paths");
    }

    @Test
    void ifMatchComparesEntityTagsAsWritten() {
        String id = propose("strong-compare", today());
        String etag = awaitEtag(id);
        String padded = "\"0" + etag.substring(1);
        long before = eventCount();
        Api.Response cancel = api.as("manager").header("If-Match", padded)
                .post("/api/engagements/" + id + "/cancel", "{\"reason\": \"padded\"}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(412);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void ifMatchOnAReadThatDoesNotMatchIs412() {
        String id = propose("conditional-read", today());
        String etag = awaitEtag(id);
        Api.Response stale = api.as("auditor").header("If-Match", "\"999\"").get("/api/engagements/" + id);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.as("auditor").header("If-Match", etag).get("/api/engagements/" + id).status()).isEqualTo(200);
        assertThat(api.as("auditor").header("If-Match", "*").get("/api/engagements/" + id).status()).isEqualTo(200);
        assertThat(api.as("auditor").header("If-Match", "W/" + etag).get("/api/engagements/" + id).status())
                .isEqualTo(412);
    }

    @Test
    void ifMatchOnTheClockIsRefusedForWhatItIs() {
        Instant before = now();
        Api.Response moved = api.as("admin").header("If-Match", "\"1\"")
                .post("/api/admin/clock", "{\"advanceBy\": \"PT1H\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(412);
        assertThat(moved.json().get("detail").asText()).doesNotContain("it creates one").contains("no entity tag");
        assertThat(now()).isBefore(before.plus(Duration.ofHours(1)));
    }

    @Test
    void a405NamesTheMethodsOptionsNames() throws IOException {
        String id = propose("allow-list", today());
        String path = "/api/engagements/" + id;
        Set<String> options = methods(RawHttp.send(port, "OPTIONS " + path + " HTTP/1.1", MANAGER).header("Allow"));
        assertThat(options).contains("GET", "HEAD", "OPTIONS");
        for (String method : List.of("TRACE", "DELETE", "PUT", "FOO")) {
            Raw refused = RawHttp.send(port, method + " " + path + " HTTP/1.1", MANAGER, "Content-Length: 0");
            assertThat(refused.status()).as(method + " -> " + refused).isEqualTo(405);
            assertThat(methods(refused.header("Allow"))).as(method).isEqualTo(options);
        }
    }

    @Test
    void jsonRefusedWithQualityZeroIs406AndA406CarriesNoEntityTag() {
        Api.Response refused = api.as("auditor").header("Accept", "application/json;q=0")
                .get("/api/engagements");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(406);
        assertThat(api.as("auditor").header("Accept", "*/*;q=0.1, application/json;q=0").get("/api/engagements")
                .status()).isEqualTo(406);
        assertThat(api.as("auditor").header("Accept", "application/json;q=0.5, */*;q=0").get("/api/engagements")
                .status()).isEqualTo(200);
        String id = propose("no-etag-406", today());
        awaitEtag(id);
        for (String accept : List.of("text/csv", "application/json;q=0")) {
            Api.Response response = api.as("auditor").header("Accept", accept).get("/api/engagements/" + id);
            assertThat(response.status()).as(accept + " -> " + response).isEqualTo(406);
            assertThat(response.header("ETag")).as(accept).isNull();
        }
    }

    @Test
    void problemsFromTomcatNameTheRequestAndABadHeaderIsCalledOne() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        Raw headers = RawHttp.send(port, "GET /api/engagements HTTP/1.1", MANAGER, "X-Padding: " + "x".repeat(20_000));
        Raw uri = RawHttp.send(port, "GET /api/engagements?clientId=" + "x".repeat(20_000) + " HTTP/1.1", MANAGER);
        Raw header = RawHttp.send(port, "GET /api/" + "y".repeat(400) + " HTTP/1.1", MANAGER, "X-Bad: a\u0001b");
        for (Raw response : List.of(headers, uri, header)) {
            JsonNode problem = json(response);
            soft.assertThat(response.header("X-Request-Id")).as(response.toString()).isNotBlank();
            soft.assertThat(problem.path("requestId").asText()).as(response.toString())
                    .isEqualTo(response.header("X-Request-Id"));
            soft.assertThat(problem.path("instance").asText().length()).as(response.toString()).isLessThanOrEqualTo(220);
        }
        soft.assertThat(header.status()).isEqualTo(400);
        soft.assertThat(json(header).path("instance").asText()).as(header.toString()).startsWith("/api/yyy");
        soft.assertThat(json(header).path("detail").asText()).as(header.toString())
                .contains("header").doesNotContain("Paths");
        soft.assertAll();
    }

    @Test
    void aCallerWithoutTheRoleGets403EvenForALargeBody() {
        byte[] large = new byte[1_100_000];
        Arrays.fill(large, (byte) ' ');
        Api.Response response = api.as("auditor").post("/api/engagements",
                new String(large, StandardCharsets.US_ASCII));
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(api.as("manager").post("/api/engagements", new String(large, StandardCharsets.US_ASCII))
                .status()).isEqualTo(413);
    }

    @Test
    void aRepeatedSecFetchSiteIsRefused() throws IOException {
        String id = propose("fetch-site", today());
        awaitEtag(id);
        for (List<String> headers : List.of(List.of("Sec-Fetch-Site: same-origin", "Sec-Fetch-Site: cross-site"),
                List.of("Sec-Fetch-Site: same-origin, cross-site"))) {
            String[] lines = new String[headers.size() + 2];
            lines[0] = MANAGER;
            for (int i = 0; i < headers.size(); i++) {
                lines[i + 1] = headers.get(i);
            }
            lines[headers.size() + 1] = "Content-Length: 0";
            Raw response = RawHttp.send(port, "POST /api/engagements/" + id + "/trial/accept HTTP/1.1", lines);
            assertThat(response.status()).as(headers + " -> " + response).isEqualTo(400);
            assertThat(response.body()).contains("Sec-Fetch-Site");
        }
        Raw sameSite = RawHttp.send(port, "GET /api/engagements/" + id + " HTTP/1.1", MANAGER,
                "Sec-Fetch-Site: same-site");
        assertThat(sameSite.status()).isEqualTo(200);
    }

    private String awaitEtag(String id) {
        String[] etag = new String[1];
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/engagements/" + id);
            etag[0] = response.header("ETag");
            return response.status() == 200;
        });
        return etag[0];
    }

    private static Set<String> methods(String allow) {
        return allow == null ? Set.of() : Arrays.stream(allow.split(",")).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode json(Raw response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    private String today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();
    }
}
