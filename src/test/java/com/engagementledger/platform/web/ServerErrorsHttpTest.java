package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.HttpTestSupport;
import com.engagementledger.support.RawHttp;
import com.engagementledger.support.RawHttp.Raw;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Errors raised before a controller is reached, by Tomcat (a header too large, a malformed request line) or by
 * Spring Security's firewall ({@code %00}, {@code %2F}, {@code ;}, {@code ..}, {@code //} in paths), are problem
 * documents like every other error, naming neither a Java class nor a server's internals. They only show with a real
 * server, so these requests go over raw sockets exactly as written.
 */
class ServerErrorsHttpTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("manager:secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void pathsTheFirewallRefusesAreProblems() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/api/engagements/%00", "/api/engagements/a%2Fb", "/api/engagements;x=1",
                "/api/engagements/x/../y", "/api//engagements", "/api/engagements/%2e%2e/x", "/api/%25",
                "/api/engagements/a%5Cb")) {
            for (String auth : List.of(MANAGER, "")) {
                Raw response = send("GET " + path + " HTTP/1.1", auth);
                expectProblem(soft, "GET " + path + (auth.isEmpty() ? " anonymous" : ""), response, 400, 404);
            }
        }
        soft.assertAll();
    }

    @Test
    void aHeaderTooLargeIsAProblem() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        Raw response = send("GET /api/engagements HTTP/1.1", MANAGER, "X-Padding: " + "x".repeat(20_000));
        expectProblem(soft, "huge header", response, 431, 431);
        Raw uri = send("GET /api/engagements?clientId=" + "x".repeat(20_000) + " HTTP/1.1", MANAGER);
        expectProblem(soft, "huge URI", uri, 414, 414);
        soft.assertAll();
    }

    @Test
    void nonAsciiHeaderValuesAreRefusedOrIgnoredButNeverAnHtmlPage() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        Raw key = send("POST /api/engagements HTTP/1.1", MANAGER, "Content-Type: application/json",
                "Idempotency-Key: schl\u00fcssel-\u20ac", "Content-Length: 2", "", "{}");
        expectProblem(soft, "non-ASCII Idempotency-Key", key, 400, 400);
        Raw ifMatch = send("POST /api/engagements/x/pause HTTP/1.1", MANAGER, "If-Match: \"\u00e9\"",
                "Content-Length: 0");
        expectProblem(soft, "non-ASCII If-Match", ifMatch, 400, 400);
        Raw basic = send("GET /api/engagements HTTP/1.1", "Authorization: Basic \u00e9\u00e9\u00e9");
        expectProblem(soft, "non-ASCII credentials", basic, 401, 401);
        soft.assertAll();
    }

    @Test
    void unknownPathsAndMalformedRequestsAreProblems() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        expectProblem(soft, "unknown api path", send("GET /api/nothing HTTP/1.1", MANAGER), 404, 404);
        expectProblem(soft, "unknown api path, anonymous", send("GET /api/nothing.css HTTP/1.1"), 401, 401);
        // outside the API, paths are the browser console's (ADR 0041): HTTP Basic does not sign in there, a
        // signed-out browser is sent to the sign-in page, and errors are HTML pages without internals
        expectSignIn(soft, "unknown static path", send("GET /static/nothing.css HTTP/1.1", MANAGER));
        expectSignIn(soft, "unknown static path, anonymous", send("GET /index.html HTTP/1.1"));
        expectErrorPage(soft, "favicon", send("GET /favicon.ico HTTP/1.1", MANAGER), 404);
        expectProblem(soft, "space in path", send("GET /api/engage ments HTTP/1.1", MANAGER), 400, 400);
        expectProblem(soft, "bad method", send("G(T /api/engagements HTTP/1.1", MANAGER), 400, 400);
        expectProblem(soft, "bad escape", send("GET /api/engagements/%zz HTTP/1.1", MANAGER), 400, 400);
        soft.assertAll();
    }

    @Test
    void traceAndUnknownMethodsAre405WithTheAllowOfOptions() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        Raw options = send("OPTIONS /api/engagements HTTP/1.1", MANAGER);
        java.util.Set<String> allowed = methods(options.headers().get("allow"));
        soft.assertThat(allowed).as(options.toString()).contains("GET", "POST");
        for (String method : List.of("TRACE", "PROPFIND", "FOO")) {
            Raw response = send(method + " /api/engagements HTTP/1.1", MANAGER);
            expectProblem(soft, method, response, 405, 405);
            java.util.Set<String> allow = methods(response.headers().get("allow"));
            allow.add("OPTIONS");
            allow.add("HEAD");
            allowed.add("OPTIONS");
            allowed.add("HEAD");
            soft.assertThat(allow).as(method + " -> " + response).isEqualTo(allowed);
            soft.assertThat(response.body()).as(method).doesNotContain("Authorization");
        }
        soft.assertAll();
    }

    @Test
    void everyProblemNamesItsRuleAndRequest() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        java.util.Map<String, Raw> responses = new java.util.LinkedHashMap<>();
        responses.put("401", send("GET /api/engagements HTTP/1.1"));
        responses.put("404", send("GET /api/nothing-here HTTP/1.1", MANAGER));
        responses.put("405", send("DELETE /api/engagements HTTP/1.1", MANAGER));
        responses.put("406", send("GET /api/engagements HTTP/1.1", MANAGER, "Accept: text/csv"));
        responses.put("415", send("POST /api/engagements HTTP/1.1", MANAGER, "Content-Type: text/plain",
                "Content-Length: 2", "", "{}"));
        responses.forEach((what, response) -> {
            expectProblem(soft, what, response, Integer.parseInt(what), Integer.parseInt(what));
            try {
                JsonNode problem = JSON.readTree(response.body());
                soft.assertThat(problem.path("rule").asText()).as(what + " -> " + response).isNotBlank();
                soft.assertThat(problem.path("requestId").asText()).as(what + " -> " + response).isNotBlank();
            } catch (IOException notJson) {
                soft.fail("not JSON: " + response);
            }
        });
        soft.assertThat(responses.get("404").body()).doesNotContain("static resource");
        soft.assertAll();
    }

    @Test
    void oddRequestsAreNamedProblems() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        expectErrorPage(soft, "/error directly", send("GET /error HTTP/1.1", MANAGER), 404);
        expectProblem(soft, "garbage Accept", send("GET /api/engagements HTTP/1.1", MANAGER, "Accept: garbage///"),
                406, 406);
        expectProblem(soft, "two Authorization headers", send("GET /api/engagements HTTP/1.1", MANAGER,
                "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                        "auditor:secret".getBytes(StandardCharsets.UTF_8))), 400, 400);
        soft.assertAll();
    }

    private static java.util.Set<String> methods(String allow) {
        java.util.Set<String> methods = new java.util.TreeSet<>();
        if (allow != null) {
            for (String method : allow.split(",")) {
                methods.add(method.strip());
            }
        }
        return methods;
    }

    private static final java.util.regex.Pattern LEAK = java.util.regex.Pattern.compile(
            "(?i)java\\.|jakarta\\.|springframework|tomcat|exception|jackson|Feature|<html");

    private static void expectSignIn(SoftAssertions soft, String what, Raw response) {
        soft.assertThat(response.status()).as(what + " -> " + response).isEqualTo(302);
        soft.assertThat(response.headers().getOrDefault("location", "")).as(what + " -> " + response)
                .endsWith("/login");
    }

    private static void expectErrorPage(SoftAssertions soft, String what, Raw response, int status) {
        String described = what + " -> " + response;
        soft.assertThat(response.status()).as(described).isEqualTo(status);
        soft.assertThat(response.headers().getOrDefault("content-type", "")).as(described).startsWith("text/html");
        soft.assertThat(response.body()).as(described).contains("Page not found")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("java.", "springframework", "\"status\":", "\"detail\":");
    }

    private void expectProblem(SoftAssertions soft, String what, Raw response, int lowest, int highest) {
        String described = what + " -> " + response;
        soft.assertThat(response.status()).as(described).isBetween(lowest, highest);
        soft.assertThat(response.headers().getOrDefault("content-type", "")).as(described)
                .startsWith("application/problem+json");
        soft.assertThat(LEAK.matcher(response.body()).find()).as(described + " names internals").isFalse();
        try {
            JsonNode problem = JSON.readTree(response.body());
            soft.assertThat(problem.path("status").asInt()).as(described).isEqualTo(response.status());
            soft.assertThat(problem.path("title").asText()).as(described).isNotBlank();
            soft.assertThat(problem.path("detail").asText()).as(described).isNotBlank();
        } catch (IOException notJson) {
            soft.fail("not JSON: " + described);
        }
    }

    private Raw send(String requestLine, String... lines) throws IOException {
        return RawHttp.send(port, requestLine, lines);
    }
}
