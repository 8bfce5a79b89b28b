package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The holes a hostile review found in what the API takes over HTTP (ADR 0024): bodies in other formats than JSON,
 * cross-site form posts, forged log lines, loosely parsed query parameters, invalid UTF-8, lenient time values, and a
 * body buffered before its sender was known.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestProtocolHttpTest extends HttpTestSupport {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aYamlBodyIsRefusedAndNothingIsStored() throws Exception {
        long events = eventCount();
        String yaml = "clientId: yaml-client\nclientName: Y\nroleTitle: R\ncurrency: EUR\nbillingModel: MONTHLY\n"
                + "seats:\n  - professionalId: p\n    professionalName: P\n    rate: \"10\"\n    startDate: "
                + today() + "\n";
        HttpResponse<String> response = send("POST", "/api/engagements", "manager",
                yaml.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/yaml");
        assertProblem(response, 415);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void answersAreJsonOnly() {
        Api.Response yaml = api.as("auditor").header("Accept", "application/yaml").get("/api/engagements");
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(406);
        assertThat(yaml.body()).doesNotContain("items:");
    }

    @Test
    void formsAndTextAreRefusedEvenWhereNoBodyIsTaken() throws Exception {
        String id = propose("csrf-client", today());
        long events = eventCount();
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", "application/json; charset=iso-8859-1")) {
            assertProblem(send("POST", "/api/engagements/" + id + "/end", "manager", new byte[0],
                    "Content-Type", type), 415);
            assertProblem(send("POST", "/api/engagements/" + id + "/cancel", "manager",
                    "{\"reason\": \"x\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", type), 415);
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.as("manager").header("Content-Type", "application/json; charset=UTF-8")
                .post("/api/engagements/" + id + "/cancel", "{\"reason\": \"ok\"}").status()).isEqualTo(200);
    }

    @Test
    void aMalformedBodyOnAnEndpointWithoutOneIsRefused() {
        String id = propose("bodyless-client", today());
        long events = eventCount();
        Api.Response response = api.as("manager").post("/api/engagements/" + id + "/trial/accept", "reason=x");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aCrossSiteRequestMayNotChangeAnything() throws Exception {
        String id = propose("cross-site-client", today());
        long events = eventCount();
        HttpResponse<String> response = send("POST", "/api/engagements/" + id + "/trial/accept", "manager",
                new byte[0], "Sec-Fetch-Site", "cross-site");
        assertProblem(response, 403);
        assertThat(response.body()).contains("\"rule\":\"cross-site\"");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(send("GET", "/api/engagements/" + id, "manager", null, "Sec-Fetch-Site", "cross-site")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aCompressedBodyIsRefused() throws Exception {
        String id = propose("gzip-client", today());
        assertProblem(send("POST", "/api/engagements/" + id + "/cancel", "manager",
                "{\"reason\": \"x\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "Content-Encoding", "gzip"), 415);
    }

    @Test
    void echoedValuesCannotForgeLogLinesOrDriveTerminals(CapturedOutput output) {
        String id = propose("forging-client", today());
        int from = output.getAll().length();
        String key = "reas\\non\\r\\u001b[31mFORGED\\u0085" + "x".repeat(1000);
        Api.Response response = api.as("manager").post("/api/engagements/" + id + "/cancel",
                "{\"" + key + "\": \"x\"}");
        assertThat(response.status()).isEqualTo(400);
        String detail = response.json().get("detail").asText();
        assertThat(detail).contains("reas\\non\\r\\u001b[31mFORGED\\u0085").doesNotContain("\n", "\r", "\u001b")
                .hasSizeLessThan(600);
        String logged = output.getAll().substring(from);
        List<String> refusals = logged.lines().filter(line -> line.contains("Refused POST")).toList();
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("reas\\non\\r\\u001b[31mFORGED").hasSizeLessThan(800);
        assertThat(logged).doesNotContain("\u001b[31m").doesNotContain("\nFORGED");
    }

    @Test
    void queryParametersAreTakenAsWritten() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] {"page=0x1", "page"}, new String[] {"page=%2B1", "page"},
                new String[] {"page=%201", "page"}, new String[] {"size=%2320", "size"},
                new String[] {"page=1%20", "page"}, new String[] {"page=%E2%80%831", "page"},
                new String[] {"page=%D9%A1", "page"}, new String[] {"status=active", "status"},
                new String[] {"status=%20ACTIVE", "status"}, new String[] {"status=", "status"},
                new String[] {"page=", "page"}, new String[] {"status=%ZZ", "status"},
                new String[] {"page=%ZZ", "page"}));
        for (String[] c : cases) {
            // raw, since a client refuses to send %ZZ
            String response = raw("GET /api/engagements?" + c[0] + " HTTP/1.1");
            soft.assertThat(response).as(c[0]).startsWith("HTTP/1.1 400 ");
            soft.assertThat(response).as(c[0]).contains("\"field\":\"" + c[1] + "\"");
        }
        soft.assertThat(api.as("auditor").get("/api/engagements?page=0&size=5&status=ACTIVE").status())
                .isEqualTo(200);
        soft.assertAll();
    }

    @Test
    void anOverlongUtf8FormIsRefused() throws Exception {
        String id = propose("utf8-client", today());
        long events = eventCount();
        byte[] body = {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', 0x43, (byte) 0xC0, (byte) 0xAF, 0x4F,
                '"', '}'};
        HttpResponse<String> response = send("POST", "/api/engagements/" + id + "/cancel", "manager", body,
                "Content-Type", "application/json");
        assertProblem(response, 400);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void clockValuesAreStrictIsoStrings() {
        SoftAssertions soft = new SoftAssertions();
        List<String> bodies = List.of("{\"instant\": 1893456000}", "{\"instant\": 1893456000.5}",
                "{\"instant\": \"2030-01-01T24:00:00Z\"}", "{\"instant\": \"2030-06-30T23:59:60Z\"}",
                "{\"instant\": \" 2030-01-01T00:00:00Z\"}", "{\"instant\": \"2030-01-01T00:00:00\"}",
                "{\"advanceBy\": 3600}", "{\"advanceBy\": \"pt1h\"}", "{\"advanceBy\": \"PT-1H\"}",
                "{\"advanceBy\": \"-PT1H\"}", "{\"advanceBy\": \" PT1H\"}");
        for (String body : bodies) {
            Api.Response response = api.as("admin").post("/api/admin/clock", body);
            soft.assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
        }
        soft.assertAll();
    }

    @Test
    void anAnonymousCallerIsAskedToSignInBeforeItsBodyIsRead() throws Exception {
        byte[] large = new byte[1_048_576 + 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        HttpResponse<String> response = send("POST", "/api/engagements", null, large,
                "Content-Type", "application/json");
        assertProblem(response, 401);
    }

    private String raw(String requestLine) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String request = requestLine + "\r\nHost: localhost\r\nAuthorization: Basic " + Base64.getEncoder()
                    .encodeToString("auditor:secret".getBytes(StandardCharsets.UTF_8))
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> send(String method, String path, String user, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private String today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();
    }
}
