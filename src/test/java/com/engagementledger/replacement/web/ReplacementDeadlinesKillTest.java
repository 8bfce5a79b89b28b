package com.engagementledger.replacement.web;

import static com.engagementledger.replacement.web.ReplacementDriver.events;
import static com.engagementledger.replacement.web.ReplacementDriver.nineAm;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.ForkedLedger;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replacement's deadlines survive SIGKILL (issue 6). Two replacements, each on an engagement of its own: the
 * application is killed right after the second request is acknowledged (its process may not have scheduled the SLA
 * deadline yet); the restarted one records the first breach once when the clock passes its due date, and is killed
 * as soon as the clock has passed the second's (its deadline may be firing). After that restart each breach is
 * recorded once, a candidate accepted 2 business days late earns one credit of 2 day rates, shown once in the
 * guarantees view, and each overlap's end still fires: the replacement completes and the seat's professional is
 * swapped, once.
 */
class ReplacementDeadlinesKillTest {

    /** 9000.00 a month: 9000 x 12 / 260 a day; 2 days = 830.769... -> 830.77 EUR. */
    private static final BigDecimal TWO_DAY_RATES = new BigDecimal("9000.00").multiply(BigDecimal.valueOf(12 * 2))
            .divide(BigDecimal.valueOf(260), 2, RoundingMode.HALF_UP);

    @Test
    void deadlinesFireOnceAfterKillsBeforeAndWhileTheyFallDue() {
        try (PreparedStore store = RelationalStore.H2.prepare("replacement-kill")) {
            killTwiceAndCheck(store);
        }
    }

    private void killTwiceAndCheck(PreparedStore store) {
        Path dataDir = TestDataDirs.create("replacement-kill");
        LocalDate monday;
        String first;
        String second;
        String firstReplacement;
        String secondReplacement;
        try (ForkedLedger app = ForkedLedger.start("test", dataDir, store, "first.log", List.of())) {
            ReplacementDriver driver = new ReplacementDriver(app.awaitHealthy());
            monday = driver.moveClockToNextMonday();
            first = driver.activeEngagement("kill-first", monday, "9000.00");
            second = driver.activeEngagement("kill-second", monday, "9000.00");
            firstReplacement = driver.requestForNonPerformance(first);
            driver.moveClockTo(monday.plusDays(1));
            secondReplacement = driver.requestForNonPerformance(second);
            app.kill();
        }
        // due on the Monday and the Tuesday after: five business days
        LocalDate firstDue = monday.plusDays(7);
        LocalDate secondDue = monday.plusDays(8);

        try (ForkedLedger app = ForkedLedger.start("test", dataDir, store, "second.log", List.of())) {
            Api api = app.awaitHealthy();
            ReplacementDriver driver = new ReplacementDriver(api);
            assertThat(driver.today()).as("the test clock goes on where it was").isEqualTo(monday.plusDays(1));
            driver.moveClockTo(secondDue);
            JsonNode breached = driver.replacement(firstReplacement, r -> r.hasNonNull("breach"));
            assertThat(breached.get("breach").get("businessDaysLate").asInt()).isEqualTo(1);
            assertThat(driver.replacement(secondReplacement, r -> r.has("status")).hasNonNull("breach")).isFalse();

            // past the second's due date, and killed as soon as the clock says so: its deadline may be firing
            Instant pastSecondDue = nineAm(secondDue.plusDays(1));
            CompletableFuture<Api.Response> moving = CompletableFuture.supplyAsync(() -> api.as("admin")
                    .post("/api/admin/clock", Map.of("instant", pastSecondDue.toString())));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).ignoreExceptions()
                    .until(() -> !driver.now().isBefore(pastSecondDue));
            app.kill();
            moving.handle((response, connectionLost) -> response).join();
        }

        try (ConfigurableApplicationContext restarted = start("test", dataDir, store)) {
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            ReplacementDriver driver = new ReplacementDriver(port(restarted));
            LocalDate wednesday = secondDue.plusDays(1);
            driver.moveClockTo(nineAm(wednesday).plus(Duration.ofHours(3)));
            assertThat(events(jdbc, firstReplacement, "ReplacementSlaBreached")).isEqualTo(1);
            assertThat(events(jdbc, secondReplacement, "ReplacementSlaBreached")).isEqualTo(1);

            // the first is due on Monday: accepted on Wednesday, 2 business days late
            driver.acceptCandidate(firstReplacement, "pro-erin", wednesday.plusDays(1));
            // the second is due on Tuesday: accepted on Thursday, 2 business days late
            LocalDate thursday = wednesday.plusDays(1);
            driver.moveClockTo(thursday);
            driver.acceptCandidate(secondReplacement, "pro-finn", thursday.plusDays(1));
            assertCreditedOnce(jdbc, driver, first, firstReplacement);
            assertCreditedOnce(jdbc, driver, second, secondReplacement);

            // overlaps Thursday to Wednesday and Friday to Thursday; both have ended by the Friday after
            driver.moveClockTo(thursday.plusDays(8));
            driver.engagement(first, e -> e.path("seats").get(0).path("professionalId").asText().equals("pro-erin"));
            driver.engagement(second, e -> e.path("seats").get(0).path("professionalId").asText().equals("pro-finn"));
            for (String replacement : List.of(firstReplacement, secondReplacement)) {
                assertThat(driver.replacement(replacement, r -> r.has("status")).get("status").asText())
                        .isEqualTo("COMPLETED");
                assertThat(events(jdbc, replacement, "ReplacementCompleted")).as("completed once").isEqualTo(1);
            }
            for (String engagement : List.of(first, second)) {
                assertThat(events(jdbc, engagement, "SeatProfessionalSwapped")).as("swapped once").isEqualTo(1);
            }
            assertCreditedOnce(jdbc, driver, first, firstReplacement);
            assertCreditedOnce(jdbc, driver, second, secondReplacement);
        }
    }

    private static void assertCreditedOnce(JdbcTemplate jdbc, ReplacementDriver driver, String engagement,
                                           String replacement) {
        assertThat(events(jdbc, replacement, "ReplacementSlaBreached")).as("breach recorded once").isEqualTo(1);
        assertThat(events(jdbc, replacement, "ServiceCreditGranted")).as("credit granted once").isEqualTo(1);
        JsonNode guarantees = driver.guarantees(engagement,
                g -> g.path("creditsOwed").decimalValue().signum() > 0);
        assertThat(guarantees.get("creditsOwed").decimalValue()).isEqualByComparingTo(TWO_DAY_RATES);
        assertThat(guarantees.get("breaches")).singleElement().satisfies(breach -> {
            assertThat(breach.get("replacementId").asText()).isEqualTo(replacement);
            assertThat(breach.get("businessDaysLate").asInt()).isEqualTo(2);
            assertThat(breach.get("creditAmount").decimalValue()).isEqualByComparingTo(TWO_DAY_RATES);
            assertThat(breach.get("creditFixed").asBoolean()).isTrue();
        });
    }
}
