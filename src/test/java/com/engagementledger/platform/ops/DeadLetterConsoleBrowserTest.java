package com.engagementledger.platform.ops;

import static com.engagementledger.support.ConsolePages.submit;
import static com.engagementledger.support.ConsolePages.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.LedgerApplication;
import com.engagementledger.support.Api;
import com.engagementledger.support.Browser;
import com.engagementledger.support.TestDataDirs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dead letters on the administrators' projections page in a real headless Chromium (ADR 0041, issue 10), in the
 * operations tests' context, whose test read model can be made to fail: a poison event listed with its cause, a retry
 * that fails again and says so, and a retry after the fix that empties the queue.
 */
@SpringBootTest(classes = {LedgerApplication.class, OpsTestProcessors.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeadLetterConsoleBrowserTest {

    /** The test profile's users' password (application-test.yml). */
    private static final String PASSWORD = "secret";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> TestDataDirs.create("dead-letter-console").toString());
    }

    @LocalServerPort
    int port;

    @AfterEach
    void cure() {
        OpsProbeProjection.poisoned = false;
    }

    @Test
    void anAdministratorSeesAParkedEventAndRetriesItAfterTheFix() {
        Browser.assumeAvailable();
        Api api = new Api(port);
        OpsProbeProjection.poisoned = true;
        String poison = propose(api, "poison-console");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor")
                .get("/api/admin/dead-letters?processingGroup=ops-probe").json().get("totalItems").asLong() == 1);

        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/admin/projections");
            page.findElement(By.id("username")).sendKeys("admin");
            page.findElement(By.id("password")).sendKeys(PASSWORD);
            page.findElement(By.cssSelector("main form button[type=submit]")).click();
            waiting(page).until(driver -> !driver.findElements(By.id("dead-letters")).isEmpty());
            String letters = page.findElement(By.id("dead-letters")).getText();
            assertThat(letters).contains("1 parked", OpsProbeProjection.NAME, poison, "EngagementProposed",
                    IllegalStateException.class.getName(), "cannot project client poison-console");
            assertThat(page.findElement(By.id("processor-" + OpsProbeProjection.NAME))
                    .findElements(By.cssSelector("td.num")).get(3).getText()).as("its dead letters").isEqualTo("1");
            assertThat(browser.seriousAccessibilityViolations()).as("projections with a dead letter").isEmpty();
            browser.screenshot("admin-dead-letters");

            submit(page, page.findElement(By.cssSelector("#dead-letters form")));
            assertThat(page.findElement(By.cssSelector(".message.notice")).getText())
                    .contains("0 handled", "1 failed again", "1 still parked");
            assertThat(page.findElement(By.id("dead-letters")).getText()).contains("1 parked");

            OpsProbeProjection.poisoned = false;
            submit(page, page.findElement(By.cssSelector("#dead-letters form")));
            assertThat(page.findElement(By.cssSelector(".message.notice")).getText())
                    .contains("1 handled and left the queue", "0 still parked");
            assertThat(page.findElement(By.id("dead-letters")).getText()).contains("No event is parked");
            browser.screenshot("admin-dead-letters-retried");
        }
        assertThat(api.as("auditor").get("/api/admin/dead-letters").json().get("totalItems").asLong()).isZero();
    }

    private static String propose(Api api, String clientId) {
        String today = LocalDate.ofInstant(java.time.Instant.parse(
                api.as("admin").get("/api/admin/clock").json().get("instant").asText()), ZoneOffset.UTC).toString();
        Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                "clientId", clientId, "clientName", "Client " + clientId, "roleTitle", "Backend Engineer",
                "currency", "EUR", "billingModel", "MONTHLY",
                "seats", List.of(Map.of("professionalId", "pro-" + clientId, "professionalName", "Pat Doe",
                        "rate", 9000, "startDate", today))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
