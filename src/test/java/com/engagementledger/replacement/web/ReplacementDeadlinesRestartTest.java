package com.engagementledger.replacement.web;

import static com.engagementledger.replacement.web.ReplacementDriver.events;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replacement's deadlines survive clean restarts (issue 6): stopped between the request and the SLA's due date,
 * the restarted application records the breach once when the test clock passes the due date; a candidate accepted 2
 * business days late earns one credit of 2 day rates, shown once in the guarantees view, also after a second
 * restart; and the overlap's end, scheduled before that restart, completes the replacement and swaps the seat's
 * professional once after it.
 */
class ReplacementDeadlinesRestartTest {

    /** 9000.00 a month: 9000 x 12 / 260 a day; 2 days = 830.769... -> 830.77 EUR. */
    private static final BigDecimal TWO_DAY_RATES = new BigDecimal("9000.00").multiply(BigDecimal.valueOf(12 * 2))
            .divide(BigDecimal.valueOf(260), 2, RoundingMode.HALF_UP);

    @Test
    void deadlinesScheduledBeforeARestartFireOnceAfterIt() {
        assertThat(TWO_DAY_RATES).isEqualByComparingTo("830.77");
        Path dataDir = TestDataDirs.create("replacement-restart");
        LocalDate monday;
        String engagement;
        String replacement;
        try (ConfigurableApplicationContext first = start("test", dataDir)) {
            ReplacementDriver driver = new ReplacementDriver(port(first));
            monday = driver.moveClockToNextMonday();
            engagement = driver.activeEngagement("restart", monday, "9000.00");
            replacement = driver.requestForNonPerformance(engagement);
            JsonNode requested = driver.replacement(replacement, r -> r.has("eligibility"));
            assertThat(requested.get("eligibility").asText()).isEqualTo("FREE");
            assertThat(requested.get("slaDueDate").asText()).isEqualTo(monday.plusDays(7).toString());
        }
        LocalDate due = monday.plusDays(7);

        try (ConfigurableApplicationContext second = start("test", dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            ReplacementDriver driver = new ReplacementDriver(port(second));
            assertThat(driver.today()).as("the test clock goes on where it was").isEqualTo(monday);

            driver.moveClockTo(due.plusDays(1));
            assertThat(events(jdbc, replacement, "ReplacementSlaBreached")).as("breach recorded").isEqualTo(1);
            JsonNode breached = driver.guarantees(engagement, g -> g.path("breaches").size() == 1);
            assertThat(breached.get("breaches").get(0).get("businessDaysLate").asInt()).isEqualTo(1);
            assertThat(breached.get("breaches").get(0).get("creditFixed").asBoolean()).isFalse();

            LocalDate wednesday = due.plusDays(2);
            driver.moveClockTo(wednesday);
            driver.acceptCandidate(replacement, "pro-erin", wednesday.plusDays(1));
            assertCreditedOnce(jdbc, driver, engagement, replacement);
        }

        try (ConfigurableApplicationContext third = start("test", dataDir)) {
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            ReplacementDriver driver = new ReplacementDriver(port(third));
            assertCreditedOnce(jdbc, driver, engagement, replacement);

            // the overlap runs Thursday to Wednesday; it ends, scheduled before this restart, on the Thursday after
            LocalDate swap = due.plusDays(10);
            driver.moveClockTo(swap);
            JsonNode completed = driver.replacement(replacement, r -> r.path("status").asText().equals("COMPLETED"));
            assertThat(completed.get("completedOn").asText()).isEqualTo(swap.toString());
            driver.engagement(engagement, e -> e.path("seats").get(0).path("professionalId").asText()
                    .equals("pro-erin"));
            driver.moveClockTo(swap.plusDays(30));
            assertThat(events(jdbc, replacement, "ReplacementCompleted")).as("completed once").isEqualTo(1);
            assertThat(events(jdbc, engagement, "SeatProfessionalSwapped")).as("swapped once").isEqualTo(1);
            assertCreditedOnce(jdbc, driver, engagement, replacement);
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
