package com.engagementledger.audit.web;

import static com.engagementledger.support.ConsolePages.getJson;
import static com.engagementledger.support.ConsolePages.signIn;
import static com.engagementledger.support.ConsolePages.submit;
import static com.engagementledger.support.ConsolePages.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.demo.DemoCommands;
import com.engagementledger.support.Browser;
import com.engagementledger.support.ConsolePages;
import com.engagementledger.support.DemoConsole;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor's main flow in a real headless Chromium on the shared demo application (ADR 0041, issue 10): the event
 * explorer filtered to one engagement, an event with its actor and chain hash, the engagement's state as of a past
 * instant, the chain's verification and the public key's download; each read recorded in the audit access log.
 */
class AuditorConsoleBrowserTest {

    @Test
    void anAuditorExploresEventsReadsAPastStateVerifiesTheChainAndDownloadsTheKey() throws Exception {
        String base = DemoConsole.base();
        String acme = DemoCommands.id("engagement:acme");
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/audit/events");
            signIn(page, "auditor");
            assertThat(page.getCurrentUrl()).endsWith("/audit/events");
            assertThat(page.findElements(By.cssSelector("#events tbody tr"))).as("the history's first page")
                    .isNotEmpty();
            assertThat(browser.seriousAccessibilityViolations()).as("event explorer").isEmpty();

            // filter to one engagement (htmx swaps the results in place and the address follows)
            new Select(page.findElement(By.id("aggregateType"))).selectByValue("engagement");
            ConsolePages.fill(page, "aggregateId", acme);
            page.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().contains("aggregateId=" + acme));
            waiting(page).until(driver -> !driver.findElements(By.cssSelector("#events tbody tr")).isEmpty()
                    && driver.findElements(By.cssSelector("#events tbody tr")).stream()
                    .allMatch(row -> row.getText().contains(acme)));
            String results = page.findElement(By.id("events")).getText();
            assertThat(results).contains("EngagementProposed", "demo-seed");
            browser.screenshot("auditor-event-explorer");

            // a bad instant is answered next to its field, with nothing read
            page.get(base + "/audit/events?aggregateId=" + acme + "&from=yesterday");
            assertThat(ConsolePages.fieldError(page, "from")).contains("date and time");
            assertThat(page.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElements(By.id("events"))).isEmpty();

            // the engagement's first event, with its metadata and chain links
            page.get(base + "/audit/events?aggregateType=engagement&aggregateId=" + acme);
            WebElement first = page.findElement(By.cssSelector("#events tbody tr td a"));
            String position = first.getText();
            first.click();
            waiting(page).until(driver -> driver.getCurrentUrl().endsWith("/audit/events/" + position));
            waiting(page).until(driver -> {
                // the chain follows the event store within moments
                if (driver.findElement(By.id("event-hash")).getText().matches("[0-9a-f]{64}")) {
                    return true;
                }
                driver.navigate().refresh();
                return false;
            });
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("EngagementProposed", position);
            assertThat(page.findElement(By.id("event-actor")).getText()).isEqualTo("demo-seed");
            assertThat(page.findElement(By.id("event-previous-hash")).getText()).matches("[0-9a-f]{64}");
            assertThat(page.findElement(By.id("event-payload")).getText()).contains("\"engagementId\"", acme);
            JsonNode apiItem = getJson(base, "/api/audit/events?aggregateType=engagement&aggregateId=" + acme
                    + "&limit=1", "auditor").get("items").get(0);
            assertThat(page.findElement(By.id("event-hash")).getText()).as("the API's hash")
                    .isEqualTo(apiItem.get("hash").asText());
            assertThat(page.findElement(By.id("event-time")).getText()).isEqualTo(apiItem.get("timestamp").asText());
            assertThat(browser.seriousAccessibilityViolations()).as("event page").isEmpty();
            browser.screenshot("auditor-event");

            // the state as of that event, then as of a date before the engagement existed
            page.findElement(By.id("state-link")).click();
            waiting(page).until(driver -> !driver.findElements(By.id("state-summary")).isEmpty());
            // the seeding may have stored more of its events within the same second: the version is at least the first's
            assertThat(page.findElement(By.id("state-summary")).getText()).matches("(?s)Version \\d+ .*");
            assertThat(page.findElement(By.id("state-json")).getText()).contains("\"engagementId\"", acme);
            assertThat(browser.seriousAccessibilityViolations()).as("state as of").isEmpty();
            browser.screenshot("auditor-state-as-of");
            ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];",
                    page.findElement(By.id("asOf")), "2020-01-01T00:00");
            submit(page);
            assertThat(page.findElement(By.id("state-summary")).getText()).contains("did not exist yet");
            assertThat(page.getCurrentUrl()).contains("asOf=2020-01-01T00%3A00");

            // verification
            page.findElement(By.linkText("Verify the chain")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().endsWith("/audit/verify"));
            submit(page);
            String verdict = page.findElement(By.id("verify-result")).getText();
            assertThat(verdict).contains("Verified").containsPattern("[1-9][0-9]* events");
            assertThat(browser.seriousAccessibilityViolations()).as("verification").isEmpty();
            browser.screenshot("auditor-verify");

            // the public key, with the session (the API would ask for HTTP Basic)
            String href = page.findElement(By.id("public-key-link")).getAttribute("href");
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) ((JavascriptExecutor) page).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.text().then(t => done([r.status,"
                            + " r.headers.get('content-disposition'), t])));", href);
            assertThat(((Number) download.get(0)).intValue()).isEqualTo(200);
            assertThat((String) download.get(1)).startsWith("attachment;").contains(".pem");
            String pem = (String) download.get(2);
            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----")
                    .isEqualTo(ConsolePages.send(base, "GET", "/api/audit/public-key", "auditor", null).body());

            // a phone's width: the explorer reads without the page scrolling sideways
            browser.resize(390, 844);
            page.get(base + "/audit/events?aggregateType=engagement&aggregateId=" + acme);
            assertThat(ConsolePages.horizontalOverflow(page)).as("horizontal overflow at 390 px")
                    .isLessThanOrEqualTo(0);
            assertThat(browser.seriousAccessibilityViolations()).as("event explorer at 390 px").isEmpty();
            browser.screenshot("auditor-event-explorer-390px");
        }

        // the console's reads are in the audit access log, with who read and in which roles
        List<String> reads = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode log = getJson(base, "/api/audit/access-log?limit=1000" + (cursor == null ? "" : "&cursor="
                    + cursor), "auditor");
            log.get("items").forEach(entry -> reads.add(entry.get("actor").asText() + " " + entry.get("roles")
                    .asText() + " " + entry.get("endpoint").asText() + " " + entry.get("filter").asText()));
            cursor = log.get("nextCursor").isNull() ? null : log.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(reads).anyMatch(read -> read.startsWith("auditor AUDITOR GET /audit/events ")
                        && read.contains("aggregateId=" + acme))
                .anyMatch(read -> read.startsWith("auditor AUDITOR GET /audit/state "))
                .anyMatch(read -> read.startsWith("auditor AUDITOR POST /audit/verify"))
                .anyMatch(read -> read.startsWith("auditor AUDITOR GET /audit/public-key"));
    }
}
