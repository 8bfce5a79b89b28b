package com.engagementledger.platform.ops.web;

import static com.engagementledger.support.ConsolePages.fieldError;
import static com.engagementledger.support.ConsolePages.fill;
import static com.engagementledger.support.ConsolePages.getJson;
import static com.engagementledger.support.ConsolePages.signIn;
import static com.engagementledger.support.ConsolePages.submit;
import static com.engagementledger.support.ConsolePages.waiting;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Browser;
import com.engagementledger.support.ConsolePages;
import com.engagementledger.support.RunningLedger;
import com.engagementledger.support.TestDataDirs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The administrator's main flow in a real headless Chromium (ADR 0041, issue 10), on a demo application of its own
 * because it moves the clock: the projections with their positions, a read model's replay followed to the end, and the
 * test clock, refusing a bad duration next to its field before it advances by a good one.
 */
class AdminConsoleBrowserTest {

    private static ConfigurableApplicationContext demo;
    private static String base;

    @BeforeAll
    static void startDemo() {
        Browser.assumeAvailable();
        demo = start("demo", TestDataDirs.create("admin-console"));
        base = "http://localhost:" + port(demo);
        await().atMost(Duration.ofSeconds(60)).until(() -> engagementCount() >= 8);
    }

    @AfterAll
    static void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void anAdministratorReplaysAReadModelAndMovesTheClock() throws Exception {
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/admin/projections");
            signIn(page, "admin");
            assertThat(page.getCurrentUrl()).endsWith("/admin/projections");
            WebElement engagements = page.findElement(By.id("processor-" + RunningLedger.ENGAGEMENTS));
            assertThat(engagements.getText()).contains("read model").containsPattern("(?i)running");
            assertThat(engagements.findElements(By.cssSelector("td.num")).get(0).getText()).as("position")
                    .matches("[0-9]+");
            assertThat(page.findElement(By.id("dead-letters")).getText()).isNotBlank();
            assertThat(browser.seriousAccessibilityViolations()).as("projections").isEmpty();
            browser.screenshot("admin-projections");

            // a replay, followed (htmx polls its progress) until it is done; the read model answers meanwhile
            engagements.findElement(By.cssSelector("button[type=submit]")).click();
            waiting(page).until(driver -> !driver.findElements(By.id("replay-progress")).isEmpty());
            assertThat(page.getCurrentUrl()).contains("replaying=" + RunningLedger.ENGAGEMENTS);
            assertThat(page.findElement(By.id("replay-state")).getText()).containsPattern("done|[0-9]+ %");
            assertThat(engagementCount()).as("the engagements are still listed during the replay")
                    .isGreaterThanOrEqualTo(8);
            browser.screenshot("admin-replay-progress");
            new org.openqa.selenium.support.ui.WebDriverWait(page, Duration.ofSeconds(30)).until(driver ->
                    driver.findElement(By.id("replay-state")).getText().contains("done"));
            assertThat(page.findElement(By.id("replay-state")).getText())
                    .contains("Replay of " + RunningLedger.ENGAGEMENTS + " done");
            assertThat(engagementCount()).isGreaterThanOrEqualTo(8);
            assertThat(browser.seriousAccessibilityViolations()).as("projections after a replay").isEmpty();
            browser.screenshot("admin-replay-done");

            // the clock: a bad duration and a move backwards, each refused next to its field, then a good one
            page.findElement(By.linkText("Clock")).click();
            waiting(page).until(driver -> !driver.findElements(By.id("clock-now")).isEmpty());
            Instant before = Instant.parse(page.findElement(By.id("clock-now")).getText());
            assertThat(Duration.between(before, ConsolePages.demoNow(base))).as("the API's instant")
                    .isBetween(Duration.ZERO, Duration.ofMinutes(1));
            assertThat(browser.seriousAccessibilityViolations()).as("clock").isEmpty();
            browser.screenshot("admin-clock");

            fill(page, "advanceBy", "ten days");
            submit(page, page.findElement(By.id("advanceBy")).findElement(By.xpath("ancestor::form")));
            assertThat(fieldError(page, "advanceBy")).contains("ISO-8601 duration");
            assertThat(page.findElement(By.id("advanceBy")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("advanceBy")).getAttribute("value")).as("what was typed stays")
                    .isEqualTo("ten days");
            assertThat(browser.seriousAccessibilityViolations()).as("clock with an error").isEmpty();
            browser.screenshot("admin-clock-error");
            assertThat(ConsolePages.demoNow(base)).as("the clock did not move").isBefore(before.plusSeconds(60));

            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];",
                    page.findElement(By.id("instant")), "2020-01-01T00:00");
            submit(page, page.findElement(By.id("instant")).findElement(By.xpath("ancestor::form")));
            assertThat(fieldError(page, "instant")).contains("never goes backwards");
            assertThat(page.findElements(By.id("advanceBy-error"))).isEmpty();

            fill(page, "advanceBy", "P1D");
            String shown = page.findElement(By.cssSelector("input[name=shownOffset]")).getAttribute("value");
            submit(page, page.findElement(By.id("advanceBy")).findElement(By.xpath("ancestor::form")));
            assertThat(page.findElement(By.tagName("main")).getText()).contains("The clock now reads");
            Instant after = Instant.parse(page.findElement(By.id("clock-now")).getText());
            assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(1),
                    Duration.ofDays(1).plusMinutes(2));
            assertThat(ConsolePages.demoNow(base)).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
            browser.screenshot("admin-clock-advanced");

            // the same form sent again (a double click: the page it came from showed the clock before the move)
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.querySelectorAll("
                    + "'input[name=shownOffset]').forEach(input => input.value = arguments[0]);", shown);
            fill(page, "advanceBy", "P1D");
            submit(page, page.findElement(By.id("advanceBy")).findElement(By.xpath("ancestor::form")));
            assertThat(fieldError(page, "advanceBy")).contains("moved since this page was shown")
                    .contains("Nothing was changed");
            assertThat(Duration.between(after, ConsolePages.demoNow(base))).as("moved once, not twice")
                    .isLessThan(Duration.ofHours(1));
            assertThat(page.findElement(By.id("clock-now")).getText()).as("the time now, shown").isNotBlank();
        }
    }

    private static long engagementCount() throws Exception {
        return getJson(base, "/api/engagements", "admin").get("totalItems").asLong();
    }
}
