package com.engagementledger.engagement.web;

import static com.engagementledger.support.ConsolePages.fieldError;
import static com.engagementledger.support.ConsolePages.fill;
import static com.engagementledger.support.ConsolePages.fillDate;
import static com.engagementledger.support.ConsolePages.signIn;
import static com.engagementledger.support.ConsolePages.submit;
import static com.engagementledger.support.ConsolePages.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Browser;
import com.engagementledger.support.ConsolePages;
import com.engagementledger.support.DemoConsole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The account manager's console pages in a real headless Chromium on the shared demo application (ADR 0041): an
 * engagement's actions (a rate change refused by the form, then by the aggregate, then scheduled), a replacement
 * requested from a seat with its SLA clock and a candidate, a week's timesheet submitted and approved, and the same
 * proposal form sent twice making one engagement. It works on an hourly engagement of its own (proposed through the
 * API), so that it asserts only what it did itself. Screenshots are named {@code manager-...}.
 */
class ManagerConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String base;
    private static LocalDate today;

    @BeforeAll
    static void demo() throws Exception {
        Browser.assumeAvailable();
        base = DemoConsole.base();
        today = LocalDate.ofInstant(ConsolePages.demoNow(base), ZoneOffset.UTC);
    }

    @Test
    void aManagerActsOnAnEngagementRunsAReplacementAndAWeeksTimesheet() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // the seat is billed from today (nothing may start before its proposal): today's hours go in today's field
        String engagementId = hourlyEngagement("am-" + suffix, "pro-am-" + suffix, today);
        String todaysField = "entry-hours-" + (today.getDayOfWeek().getValue() - 1);
        String todayName = today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);

        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/engagements/" + engagementId);
            signIn(page, "manager");

            // an action the state allows, refused by the form (not a number), then by the aggregate (inside the
            // rate-change notice), each next to its field, then scheduled
            assertThat(page.findElements(By.cssSelector("#actions summary")).stream().map(WebElement::getText))
                    .contains("Schedule a rate change", "Pause billing", "Give notice", "Add a seat")
                    .doesNotContain("Start the trial", "Resume billing", "Withdraw the notice");
            assertThat(browser.seriousAccessibilityViolations()).as("engagement page with actions").isEmpty();
            openAction(page, "rate-change");
            fill(page, "rateChange-newRate", "ninety");
            fillDate(page, "rateChange-effectiveDate", today.plusDays(60));
            submit(page, page.findElement(By.cssSelector("#action-rate-change form")));
            assertThat(fieldError(page, "rateChange-newRate")).isEqualTo("must be a number such as 9800.00");
            assertThat(page.findElement(By.id("rateChange-newRate")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("rateChange-newRate")).getAttribute("aria-describedby"))
                    .isEqualTo("rateChange-newRate-error");
            assertThat(page.findElement(By.id("action-rate-change")).getAttribute("open")).as("open on its error")
                    .isNotNull();

            fill(page, "rateChange-newRate", "97.50");
            fillDate(page, "rateChange-effectiveDate", today.plusDays(1));
            fill(page, "rateChange-reason", "Rate review");
            submit(page, page.findElement(By.cssSelector("#action-rate-change form")));
            assertThat(fieldError(page, "rateChange-effectiveDate")).as("the aggregate's rate-change notice")
                    .contains("days' notice");
            assertThat(page.findElements(By.id("rateChange-newRate-error"))).isEmpty();
            assertThat(page.findElement(By.id("seats")).getText()).doesNotContain("97.50");
            assertThat(browser.seriousAccessibilityViolations()).as("engagement page with an error").isEmpty();
            scrollTo(page, "rateChange-effectiveDate");
            browser.screenshot("manager-engagement-action-error");

            fillDate(page, "rateChange-effectiveDate", today.plusDays(60));
            submit(page, page.findElement(By.cssSelector("#action-rate-change form")));
            assertThat(page.findElement(By.cssSelector(".message.notice")).getText())
                    .isEqualTo("Schedule a rate change: done.");
            assertThat(page.findElement(By.id("seats")).getText()).contains("97.50 from " + today.plusDays(60));
            assertThat(page.findElements(By.cssSelector("#actions summary")).stream().map(WebElement::getText))
                    .contains("Withdraw a scheduled rate change");
            browser.screenshot("manager-engagement-actions");

            // an action the state does not allow (as a stale page would send it): the aggregate's refusal, in words
            ((JavascriptExecutor) page).executeScript("const form = document.querySelector('#action-pause form');"
                    + " form.action = form.action.replace('/actions/pause', '/actions/resume'); form.submit();");
            waiting(page).until(driver -> !driver.findElements(By.id("refusal")).isEmpty());
            assertThat(page.findElement(By.id("refusal")).getText()).startsWith("Resume billing was refused: ")
                    .contains("Cannot resume");
            assertThat(page.findElement(By.id("engagement-status")).getText()).isEqualToIgnoringCase("active");

            // a replacement requested from the seat, and its SLA clock
            page.findElement(By.partialLinkText("Request a replacement for")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().contains("/replacements/new"));
            assertThat(browser.seriousAccessibilityViolations()).as("replacement request form").isEmpty();
            submit(page);
            assertThat(fieldError(page, "request-reason")).isEqualTo("Choose why the professional is replaced.");
            new Select(page.findElement(By.id("request-reason"))).selectByValue("ATTRITION");
            fill(page, "request-note", "Leaves for another project");
            submit(page);
            waiting(page).until(driver -> !driver.findElements(By.id("sla-state")).isEmpty());
            String replacementUrl = page.getCurrentUrl();
            assertThat(page.findElement(By.id("replacement-status")).getText()).isEqualToIgnoringCase("requested");
            assertThat(page.findElement(By.id("sla-requested")).getText()).isEqualTo(today.toString());
            LocalDate due = LocalDate.parse(page.findElement(By.id("sla-due")).getText());
            assertThat(due).isAfter(today);
            assertThat(page.findElement(By.id("sla-state")).getText())
                    .as("time left in words, from the server's clock")
                    .matches("\\d+ business days? left \\(due " + due + "\\)\\.");
            assertThat(page.findElement(By.id("sla")).getText()).contains("server clock");

            fill(page, "proposeCandidate-professionalId", "pro-cand-" + suffix);
            fill(page, "proposeCandidate-professionalName", "Carla Candidate");
            submit(page, page.findElement(By.cssSelector("#action-propose-candidate form")));
            assertThat(candidateStatus(page, "Carla Candidate")).isEqualToIgnoringCase("proposed");
            assertThat(page.findElement(By.id("replacement-status")).getText())
                    .isEqualToIgnoringCase("candidate proposed");
            openAction(page, "reject-candidate");
            submit(page, page.findElement(By.cssSelector("#action-reject-candidate form")));
            assertThat(fieldError(page, "rejectCandidate-reason")).isNotBlank();
            fill(page, "rejectCandidate-reason", "Not available before May");
            submit(page, page.findElement(By.cssSelector("#action-reject-candidate form")));
            assertThat(candidateStatus(page, "Carla Candidate")).isEqualToIgnoringCase("rejected");
            assertThat(page.findElement(By.id("candidates")).getText()).contains("Not available before May");
            assertThat(page.findElement(By.id("sla-state")).getText()).as("the clock runs on").contains("left");
            assertThat(browser.seriousAccessibilityViolations()).as("replacement page").isEmpty();
            browser.screenshot("manager-replacement");

            // the next candidate accepted: the overlap starts tomorrow and the SLA clock stops in time
            fill(page, "proposeCandidate-professionalId", "pro-next-" + suffix);
            fill(page, "proposeCandidate-professionalName", "Nico Next");
            submit(page, page.findElement(By.cssSelector("#action-propose-candidate form")));
            // a candidate that does not exist (the hidden field changed): refused with a message one can see
            ((JavascriptExecutor) page).executeScript("document.querySelector("
                    + "'#action-accept-candidate input[name=candidateId]').value = 'nope';");
            fillDate(page, "acceptCandidate-startDate", today.plusDays(1));
            submit(page, page.findElement(By.cssSelector("#action-accept-candidate form")));
            assertThat(page.findElement(By.cssSelector("#action-accept-candidate .message.error")).getText())
                    .as("the hidden field's refusal, as the form's message").contains("nope");
            assertThat(page.findElement(By.id("replacement-status")).getText())
                    .isEqualToIgnoringCase("candidate proposed");
            fillDate(page, "acceptCandidate-startDate", today.plusDays(1));
            submit(page, page.findElement(By.cssSelector("#action-accept-candidate form")));
            assertThat(page.findElement(By.id("replacement-status")).getText())
                    .isEqualToIgnoringCase("candidate accepted");
            assertThat(page.findElement(By.id("sla-state")).getText()).isEqualTo("Stopped within the SLA.");
            assertThat(candidateStatus(page, "Nico Next")).isEqualToIgnoringCase("accepted");
            assertThat(page.findElements(By.cssSelector("#actions summary")).stream().map(WebElement::getText))
                    .containsExactly("Complete the replacement today", "Withdraw the replacement");

            page.get(base + "/replacements?engagementId=" + engagementId);
            assertThat(page.findElement(By.id("replacements")).getText()).contains("Replacing Paula Hours",
                    "attrition, free", "Stopped within the SLA.");
            page.get(base + "/replacements");
            assertThat(page.findElement(By.id("replacements")).getText()).as("the demo's replacements beside ours")
                    .contains("Replacing Paula Hours", "Replacing Anna Kowalski");
            assertThat(browser.seriousAccessibilityViolations()).as("replacement list").isEmpty();
            browser.screenshot("manager-replacement-list");

            // a week's hours for the seat: a day over 24 hours refused on its day, then submitted and approved
            page.get(base + "/engagements/" + engagementId);
            page.findElement(By.partialLinkText("Submit a week for")).click();
            waiting(page).until(driver -> !driver.findElements(By.id("entry-hours-0")).isEmpty());
            assertThat(new Select(page.findElement(By.id("entry-week"))).getFirstSelectedOption().getText())
                    .isEqualTo(isoWeek(today));
            fill(page, todaysField, "25");
            submit(page);
            assertThat(fieldError(page, todaysField)).as("the command side's rule, on today's field").isNotBlank();
            assertThat(browser.seriousAccessibilityViolations()).as("timesheet entry with an error").isEmpty();
            browser.screenshot("manager-timesheet-entry-error");
            fill(page, todaysField, "7.5");
            submit(page);
            waiting(page).until(driver -> !driver.findElements(By.id("timesheet-status")).isEmpty());
            assertThat(page.findElement(By.id("timesheet-status")).getText()).isEqualToIgnoringCase("submitted");
            assertThat(page.findElement(By.id("timesheet-total")).getText()).isEqualTo("7.50");
            assertThat(page.findElement(By.id("hours")).getText()).contains(todayName + " " + today);
            assertThat(browser.seriousAccessibilityViolations()).as("timesheet page").isEmpty();
            browser.screenshot("manager-timesheet");
            submit(page, page.findElement(By.id("action-approve")));
            assertThat(page.findElement(By.id("timesheet-status")).getText()).isEqualToIgnoringCase("approved");
            assertThat(page.findElements(By.id("action-correct"))).as("an approved week is corrected").hasSize(1);
            // the correction starts from the hours as they stand; a day left empty is a mistake, not 0
            String todaysCorrection = "correct-hours-" + (today.getDayOfWeek().getValue() - 1);
            assertThat(page.findElement(By.id(todaysCorrection)).getAttribute("value")).isEqualTo("7.5");
            String otherDay = "correct-hours-" + (today.getDayOfWeek().getValue() % 7);
            assertThat(page.findElement(By.id(otherDay)).getAttribute("value")).isEqualTo("0");
            fill(page, otherDay, "");
            fill(page, "correct-reason", "Client's log");
            submit(page, page.findElement(By.id("action-correct")));
            assertThat(fieldError(page, otherDay)).isEqualTo("Enter this day's hours (0 for none).");
            assertThat(page.findElement(By.id("timesheet-total")).getText()).as("nothing stored").isEqualTo("7.50");

            page.get(base + "/timesheets?engagementId=" + engagementId);
            assertThat(page.findElement(By.id("timesheets")).getText()).contains(isoWeek(today), "7.50")
                    .containsIgnoringCase("approved");
            page.get(base + "/timesheets");
            assertThat(page.findElements(By.cssSelector("#timesheets tbody tr")).size()).as("the demo's weeks too")
                    .isGreaterThan(1);
            assertThat(browser.seriousAccessibilityViolations()).as("timesheet list").isEmpty();
            browser.screenshot("manager-timesheet-list");
            page.get(base + "/timesheets?week=2027-W99");
            assertThat(fieldError(page, "filter-week")).as("a filter's mistake next to the filter")
                    .contains("not an ISO week");

            // a phone's width: the replacement page reads without sideways scrolling
            browser.resize(390, 844);
            page.get(replacementUrl);
            assertThat(ConsolePages.horizontalOverflow(page)).as("horizontal overflow at 390 px")
                    .isLessThanOrEqualTo(0);
            assertThat(browser.seriousAccessibilityViolations()).as("replacement page at 390 px").isEmpty();
            browser.screenshot("manager-replacement-390px");
        }
    }

    @Test
    void theSameProposalFormSentTwiceProposesOneEngagement() throws Exception {
        String client = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/engagements/new");
            signIn(page, "manager");
            fillProposal(page, client);
            assertThat(page.findElement(By.name("formToken")).getAttribute("value")).isNotBlank();
            // the form as the browser sends it, twice with the same token (a double click, or back and send again)
            Object statuses = ((JavascriptExecutor) page).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector('main form');
                    const send = () => fetch(form.action, {method: 'POST',
                        body: new URLSearchParams(new FormData(form)), credentials: 'same-origin', redirect: 'manual'})
                        .then(r => r.type + ':' + r.status);
                    send().then(first => send().then(second => done([first, second])));
                    """);
            assertThat(statuses).as("both answered with a redirect, not an error")
                    .isEqualTo(List.of("opaqueredirect:0", "opaqueredirect:0"));
        }
        assertThat(engagementsOf(client)).as("one engagement for the form sent twice").isEqualTo(1);
    }

    @Test
    void goingBackToASentProposalAndSendingItAgainProposesNothingMore() throws Exception {
        String client = "back-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/engagements/new");
            signIn(page, "manager");
            fillProposal(page, client);
            String token = page.findElement(By.name("formToken")).getAttribute("value");
            assertThat(page.getCurrentUrl()).as("the form's token is in its address").contains("formToken=" + token);
            submit(page);
            waiting(page).until(driver -> !driver.findElements(By.id("engagement-status")).isEmpty());
            String proposed = page.getCurrentUrl();

            page.navigate().back();
            waiting(page).until(driver -> !driver.findElements(By.name("formToken")).isEmpty());
            assertThat(page.findElement(By.name("formToken")).getAttribute("value")).isEqualTo(token);
            fillProposal(page, client);
            submit(page);
            waiting(page).until(driver -> !driver.findElements(By.id("engagement-status")).isEmpty());
            assertThat(page.getCurrentUrl()).as("the engagement the form proposed").isEqualTo(proposed);
            assertThat(page.findElement(By.cssSelector(".message.notice")).getText())
                    .isEqualTo("This proposal was already sent; it was made once.");
        }
        assertThat(engagementsOf(client)).isEqualTo(1);
    }

    private static void fillProposal(WebDriver page, String client) {
        fill(page, "clientId", client);
        fill(page, "clientName", "Twice Company");
        fill(page, "roleTitle", "Analyst");
        fill(page, "seats-0-professionalId", "pro-" + client);
        fill(page, "seats-0-professionalName", "Tom Twice");
        fill(page, "seats-0-rate", "5000.00");
        fillDate(page, "seats-0-startDate", today.plusDays(7));
    }

    private static long engagementsOf(String client) throws Exception {
        return JSON.readTree(ConsolePages.send(base, "GET", "/api/engagements?clientId=" + client, "auditor", null)
                .body()).get("totalItems").asLong();
    }

    @Test
    void financeDecidesWeeksButNeitherSubmitsNorActsOnEngagements() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String engagementId = hourlyEngagement("fin-" + suffix, "pro-fin-" + suffix, today);
        JsonNode seat = ConsolePages.getJson(base, "/api/engagements/" + engagementId, "manager").get("seats").get(0);
        HttpResponse<String> submitted = ConsolePages.send(base, "POST", "/api/timesheets", "manager", """
                {"engagementId": "%s", "seatId": "%s", "week": "%s", "hours": {"%s": 6}}
                """.formatted(engagementId, seat.get("seatId").asText(), isoWeek(today), today));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String timesheetId = JSON.readTree(submitted.body()).get("timesheetId").asText();
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/engagements/" + engagementId);
            signIn(page, "finance");
            assertThat(page.findElements(By.id("actions"))).as("finance reads the engagement, acts on none")
                    .isEmpty();
            assertThat(page.findElements(By.partialLinkText("Request a replacement"))).isEmpty();
            page.get(base + "/timesheets/new?engagementId=" + engagementId);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> ConsolePages
                    .send(base, "GET", "/api/timesheets/" + timesheetId, "finance", null).statusCode() == 200);
            page.get(base + "/timesheets/" + timesheetId);
            assertThat(page.findElements(By.id("action-resubmit"))).isEmpty();
            submit(page, page.findElement(By.id("action-dispute")));
            assertThat(fieldError(page, "dispute-reason")).as("a dispute needs its reason").isNotBlank();
            fill(page, "dispute-reason", "The client's log shows 4 hours");
            submit(page, page.findElement(By.id("action-dispute")));
            assertThat(page.findElement(By.id("timesheet-status")).getText()).isEqualToIgnoringCase("disputed");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("The client's log shows 4 hours");
            assertThat(page.findElements(By.id("action-resubmit"))).as("resubmitting is the manager's").isEmpty();
        }
    }

    @Test
    void ratesAreShownAsInvoicesShowMoney() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String engagementId = hourlyEngagement("jpy-" + suffix, "pro-jpy-" + suffix, today, "JPY", "1250000");
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            page.get(base + "/engagements/" + engagementId);
            signIn(page, "manager");
            assertThat(page.findElement(By.id("seats")).getText()).as("JPY: no minor digits, thousands grouped")
                    .contains("1,250,000").doesNotContain("1250000");
        }
    }

    /** An hourly engagement with one seat, active from {@code from}, proposed through the API. */
    private static String hourlyEngagement(String client, String professional, LocalDate from) throws Exception {
        return hourlyEngagement(client, professional, from, "EUR", "90.00");
    }

    private static String hourlyEngagement(String client, String professional, LocalDate from, String currency,
                                           String rate) throws Exception {
        HttpResponse<String> proposed = ConsolePages.send(base, "POST", "/api/engagements", "manager", """
                {"clientId": "%s", "clientName": "Manager Console %s", "roleTitle": "Platform Engineer",
                 "currency": "%s", "billingModel": "HOURLY",
                 "seats": [{"professionalId": "%s", "professionalName": "Paula Hours", "rate": %s,
                            "startDate": "%s"}],
                 "terms": {"trialDays": 0}}
                """.formatted(client, client, currency, professional, rate, from));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String id = JSON.readTree(proposed.body()).get("id").asText();
        HttpResponse<String> activated = ConsolePages.send(base, "POST", "/api/engagements/" + id + "/activate",
                "manager", "{\"activationDate\": \"" + from + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(
                ConsolePages.getJson(base, "/api/engagements/" + id, "manager").get("status").asText()));
        return id;
    }

    /** The status cell of the candidate's row. */
    private static String candidateStatus(WebDriver page, String name) {
        return page.findElements(By.cssSelector("#candidates tbody tr")).stream()
                .filter(row -> row.getText().contains(name)).findFirst().orElseThrow()
                .findElements(By.tagName("td")).get(1).getText();
    }

    private static void openAction(WebDriver page, String path) {
        WebElement details = page.findElement(By.id("action-" + path));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static void scrollTo(WebDriver page, String id) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                page.findElement(By.id(id)));
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
