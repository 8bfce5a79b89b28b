package com.engagementledger.platform;

import com.engagementledger.demo.DemoCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;

import com.engagementledger.support.TestDataDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo profile, and only it, has the four demo users and seeds engagements and replacements; without it there
 * is no user and no test clock.
 */
class DemoProfileTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theDemoProfileHasItsUsersSeedsEngagementsOnceAndKeepsItsClockAcrossRestarts() throws Exception {
        var dataDir = TestDataDirs.create("demo");
        Instant movedTo;
        try (ConfigurableApplicationContext demo = start("demo", dataDir)) {
            int port = port(demo);
            for (String user : new String[] {"manager", "finance", "auditor", "admin"}) {
                assertThat(get(port, "/api/engagements", user + ":demo").statusCode()).as(user).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> total(port) == 8);
            HttpResponse<String> acme = get(port, "/api/engagements/" + DemoCommands.id("engagement:acme"),
                    "auditor:demo");
            assertThat(acme.statusCode()).as("demo ids are fixed, for other features' demo data to name").isEqualTo(200);
            assertThat(new ObjectMapper().readTree(acme.body()).get("clientName").asText())
                    .isEqualTo("Acme Corporation");
            assertThat(get(port, "/api/admin/clock", "admin:demo").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode guarantees = new ObjectMapper().readTree(get(port, "/api/guarantees?engagementId="
                        + DemoCommands.id("engagement:acme"), "finance:demo").body());
                assertThat(guarantees.get("breaches")).as("a missed SLA at Acme").hasSize(1);
                assertThat(guarantees.get("breaches").get(0).get("businessDaysLate").asInt()).isEqualTo(2);
                // two day rates of 9800.00 a month: 9800 x 12 / 260 x 2
                assertThat(guarantees.get("creditsOwed").decimalValue()).isEqualByComparingTo("904.62");
                JsonNode overlap = new ObjectMapper().readTree(get(port, "/api/replacements/"
                        + DemoCommands.id("replacement:hooli-gus"), "auditor:demo").body());
                assertThat(overlap.get("status").asText()).as("Hooli's replacement").isEqualTo("OVERLAP");
            });
            HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/admin/clock"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"advanceBy\":\"P30D\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(moved.statusCode()).isEqualTo(200);
            movedTo = Instant.parse(new ObjectMapper().readTree(moved.body()).get("instant").asText());
        }
        try (ConfigurableApplicationContext again = start("demo", dataDir)) {
            int port = port(again);
            Thread.sleep(1000);
            assertThat(total(port)).as("seeded once, not at every start").isEqualTo(8);
            Instant after = Instant.parse(new ObjectMapper().readTree(
                    get(port, "/api/admin/clock", "admin:demo").body()).get("instant").asText());
            assertThat(after).as("a restart does not send the test clock back").isAfter(movedTo);
        }
    }

    @Test
    void withoutTheDemoProfileThereAreNoUsersAndNoTestClock() throws Exception {
        try (ConfigurableApplicationContext plain = start(null, TestDataDirs.create("plain"))) {
            int port = port(plain);
            for (String credentials : new String[] {"manager:demo", "admin:demo", "admin:admin", "user:password"}) {
                assertThat(get(port, "/api/engagements", credentials).statusCode()).as(credentials).isEqualTo(401);
            }
            assertThat(plain.containsBean("testClockController")).isFalse();
            assertThat(plain.getBean(java.time.Clock.class))
                    .isNotInstanceOf(com.engagementledger.platform.time.TestClock.class);
        }
    }

    private static long total(int port) throws Exception {
        JsonNode page = new ObjectMapper().readTree(get(port, "/api/engagements", "auditor:demo").body());
        return page.get("totalItems").asLong();
    }

    private static HttpResponse<String> get(int port, String path, String credentials) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
