package com.engagementledger.platform.console;

import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.engagementledger.support.ConsolePages.fieldError;
import static com.engagementledger.support.ConsolePages.fill;
import static com.engagementledger.support.ConsolePages.fillDate;
import static com.engagementledger.support.ConsolePages.signIn;
import static com.engagementledger.support.ConsolePages.submit;
import static com.engagementledger.support.ConsolePages.waiting;

import com.engagementledger.demo.DemoCommands;
import com.engagementledger.support.Browser;
import com.engagementledger.support.ConsolePages;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web console in a real headless Chromium on a demo-profile application (ADR 0041): the account manager's main
 * flow, the error pages, another role's view, and the API beside it unchanged (stateless, 401 problem documents).
 * Each browser test saves screenshots under {@code target/screenshots/} and checks its main pages with axe-core.
 */
class ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext demo;
    private static String base;

    @BeforeAll
    static void startDemo() {
        demo = start("demo", TestDataDirs.create("console"));
        base = "http://localhost:" + port(demo);
        await().atMost(Duration.ofSeconds(30)).until(() -> engagementCount() == 8);
    }

    @AfterAll
    static void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void anAccountManagerFindsOpensAndProposesEngagements() throws Exception {
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/engagements");
            assertThat(page.getCurrentUrl()).as("signed out, the console asks to sign in").endsWith("/login");
            assertThat(browser.seriousAccessibilityViolations()).as("sign-in page").isEmpty();
            browser.screenshot("login");
            signIn(page, "manager");

            assertThat(page.getCurrentUrl()).as("back where the manager was going").endsWith("/engagements");
            assertThat(page.findElement(By.id("signed-in-user")).getText()).isEqualTo("manager");
            assertThat(page.findElement(By.id("signed-in-role")).getText()).isEqualTo("account manager");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("8 engagements", "Acme Corporation",
                    "Stark Industries", "Kaiju Robotics");
            assertThat(page.findElements(By.cssSelector("#results tbody tr"))).hasSize(8);
            assertThat(browser.seriousAccessibilityViolations()).as("engagement list").isEmpty();
            browser.screenshot("manager-engagement-list");

            // the text filter, through htmx (the results are swapped in place and the address follows)
            assertThat(((org.openqa.selenium.JavascriptExecutor) page).executeScript("return typeof htmx;"))
                    .as("htmx loaded from its WebJar under the console's CSP").isEqualTo("object");
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("document.body.dataset.marker = 'kept';");
            WebElement search = page.findElement(By.id("filter-q"));
            search.sendKeys("acme");
            page.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            waiting(page).until(driver -> driver.findElements(By.cssSelector("#results tbody tr")).size() == 1);
            assertThat(page.getCurrentUrl()).contains("q=acme");
            assertThat(page.findElement(By.tagName("body")).getAttribute("data-marker"))
                    .as("swapped in place, not a new page").isEqualTo("kept");
            assertThat(page.findElement(By.id("results")).getText()).contains("1 engagement", "Acme Corporation");

            page.findElement(By.linkText("Acme Corporation")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().contains(DemoCommands.id("engagement:acme")));
            String seats = page.findElement(By.id("seats")).getText();
            String timeline = page.findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("EngagementProposed", "by demo-seed");
            assertThat(page.findElements(By.cssSelector("#seats tbody tr"))).isNotEmpty();
            assertThat(seats).as("who holds each seat from when").containsPattern("from \\d{4}-\\d{2}-\\d{2}");
            assertThat(browser.seriousAccessibilityViolations()).as("engagement page").isEmpty();
            browser.screenshot("manager-engagement-page");

            // a proposal with mistakes: bean validation (currency), then the aggregate's rule (a start date far
            // back), each shown next to its field, and nothing stored
            page.findElement(By.linkText("Propose an engagement")).click();
            LocalDate today = LocalDate.ofInstant(demoNow(), ZoneOffset.UTC);
            fill(page, "clientId", "console-co");
            fill(page, "clientName", "Console Company");
            fill(page, "roleTitle", "Frontend Engineer");
            fill(page, "currency", "euro");
            new Select(page.findElement(By.id("billingModel"))).selectByValue("MONTHLY");
            fill(page, "seats-0-professionalId", "pro-console");
            fill(page, "seats-0-professionalName", "Cora Sole");
            fill(page, "seats-0-rate", "9100.00");
            fillDate(page, "seats-0-startDate", today);
            submit(page);
            assertThat(fieldError(page, "currency")).isEqualTo("must be an ISO 4217 code such as EUR");
            assertThat(page.findElement(By.id("currency")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("clientName")).getAttribute("value")).as("what was typed stays")
                    .isEqualTo("Console Company");

            fill(page, "currency", "EUR");
            fillDate(page, "seats-0-startDate", LocalDate.of(2001, 1, 1));
            submit(page);
            assertThat(fieldError(page, "seats-0-startDate")).as("the aggregate's rule, on its field").isNotBlank();
            assertThat(page.findElements(By.id("currency-error"))).isEmpty();
            assertThat(browser.seriousAccessibilityViolations()).as("proposal form with errors").isEmpty();
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    page.findElement(By.id("seats-0-startDate")));
            browser.screenshot("manager-proposal-errors");
            assertThat(engagementCount()).as("nothing stored on bad input").isEqualTo(8);

            fillDate(page, "seats-0-startDate", today);
            submit(page);
            waiting(page).until(driver -> driver.findElements(By.id("engagement-status")).size() == 1);
            assertThat(page.findElement(By.tagName("main")).getText())
                    .contains("Engagement proposed for Console Company.", "Console Company", "Cora Sole");
            assertThat(page.findElement(By.id("engagement-status")).getText()).isEqualToIgnoringCase("proposed");
            assertThat(page.findElement(By.id("timeline")).getText()).contains("EngagementProposed", "by manager");
            browser.screenshot("manager-proposed-engagement");

            page.get(base + "/engagements");
            assertThat(page.findElement(By.id("results")).getText()).contains("9 engagements", "Console Company");

            // a phone's width: the list still reads without the page scrolling sideways
            browser.resize(390, 844);
            page.get(base + "/engagements");
            assertThat(ConsolePages.horizontalOverflow(page)).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
            assertThat(browser.seriousAccessibilityViolations()).as("engagement list at 390 px").isEmpty();
            browser.screenshot("manager-engagement-list-390px");
        }
    }

    @Test
    void errorsAreReadablePagesAndRolesSeeTheirOwnNavigation() {
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/login");
            signIn(page, "auditor");
            assertThat(page.findElement(By.id("signed-in-role")).getText()).isEqualTo("auditor");
            assertThat(page.findElements(By.linkText("Propose an engagement"))).as("not an auditor's job").isEmpty();

            page.get(base + "/engagements/new");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            page.get(base + "/engagements/no-such-engagement");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            String text = page.findElement(By.tagName("body")).getText();
            assertThat(text).contains("No engagement with id no-such-engagement", "request id")
                    .doesNotContain("Exception", "\"status\"", "{");
            assertThat(browser.seriousAccessibilityViolations()).as("error page").isEmpty();
            browser.screenshot("error-page-404");
            page.get(base + "/no/such/page");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");

            page.findElement(By.cssSelector(".signed-in button")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().contains("/login"));
            page.get(base + "/engagements");
            assertThat(page.getCurrentUrl()).as("signed out").endsWith("/login");
        }
    }

    @Test
    void theApiStaysStatelessWithBasicAndProblemDocuments() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/api/engagements", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"engagement-ledger\"");
        assertThat(anonymous.headers().firstValue("Set-Cookie")).as("no session for the API").isEmpty();

        HttpResponse<String> basic = send("GET", "/api/engagements", "auditor", null);
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Set-Cookie")).as("no session for the API").isEmpty();
        // no CSRF token needed: a bad proposal is a 400 problem, not a 403
        HttpResponse<String> post = send("POST", "/api/engagements", "manager", "{}");
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> unknownApiPath = send("GET", "/api/no-such-thing", null, null);
        assertThat(unknownApiPath.statusCode()).as("still the API's 401, not a redirect").isEqualTo(401);

        JsonNode paths = JSON.readTree(send("GET", "/v3/api-docs", null, null).body()).get("paths");
        paths.fieldNames().forEachRemaining(path -> assertThat(path).as("the API document names only the API")
                .startsWith("/api/"));

        HttpResponse<String> console = send("GET", "/engagements", null, null);
        assertThat(console.statusCode()).as("the console sends a browser to sign in").isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        HttpResponse<String> forged = send("POST", "/engagements", "manager", null);
        assertThat(forged.statusCode()).as("the console's forms need a session and a CSRF token, not Basic")
                .isIn(302, 403);
    }

    private static Instant demoNow() throws Exception {
        return ConsolePages.demoNow(base);
    }

    private static long engagementCount() throws Exception {
        return ConsolePages.getJson(base, "/api/engagements", "auditor").get("totalItems").asLong();
    }

    private static HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        return ConsolePages.send(base, method, path, user, json);
    }
}
