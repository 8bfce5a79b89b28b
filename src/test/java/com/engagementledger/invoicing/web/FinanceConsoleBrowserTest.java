package com.engagementledger.invoicing.web;

import static com.engagementledger.support.ConsolePages.fieldError;
import static com.engagementledger.support.ConsolePages.fill;
import static com.engagementledger.support.ConsolePages.fillDate;
import static com.engagementledger.support.ConsolePages.getJson;
import static com.engagementledger.support.ConsolePages.signIn;
import static com.engagementledger.support.ConsolePages.submit;
import static com.engagementledger.support.ConsolePages.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.demo.DemoCommands;
import com.engagementledger.platform.web.Amounts;
import com.engagementledger.support.Browser;
import com.engagementledger.support.ConsolePages;
import com.engagementledger.support.DemoConsole;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Finance's main flow in a real headless Chromium on the shared demo application (issue 10, ADR 0041): the invoice
 * list in three currencies with their minor units, a draft computed and issued, a refused payment (the error next to
 * its field, nothing stored) then a partial one (the balance shown), the PDF and CSV downloads with the session, and
 * the billing reports with their charts drawn and their tables; an auditor reads without the forms. It asserts only
 * what it did itself or what holds whatever other tests changed.
 */
class FinanceConsoleBrowserTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static String base;

    @BeforeAll
    static void demo() {
        Browser.assumeAvailable();
        base = DemoConsole.base();
    }

    @Test
    void financeDraftsIssuesCollectsAndReadsTheBillingReports() throws Exception {
        try (Browser browser = Browser.open(1280, 900)) {
            WebDriver page = browser.driver();
            recordPolicyViolations(page);
            page.get(base + "/invoices");
            signIn(page, "finance");
            assertThat(page.getCurrentUrl()).endsWith("/invoices");

            // the list: every amount with its currency's minor unit (JPY none, EUR two, KWD three)
            List<WebElement> rows = page.findElements(By.cssSelector("#invoice-table tbody tr"));
            assertThat(rows).isNotEmpty();
            assertThat(moneyCells(page, "JPY")).isNotEmpty().allMatch(text -> text.matches("JPY \\d{1,3}(,\\d{3})*"));
            assertThat(moneyCells(page, "EUR")).isNotEmpty()
                    .allMatch(text -> text.matches("EUR \\d{1,3}(,\\d{3})*\\.\\d{2}"));
            assertThat(moneyCells(page, "KWD")).isNotEmpty()
                    .allMatch(text -> text.matches("KWD \\d{1,3}(,\\d{3})*\\.\\d{3}"));
            assertThat(browser.seriousAccessibilityViolations()).as("invoice list").isEmpty();
            browser.screenshot("finance-invoice-list");

            // every invoice of the list opens: drafts, issued, paid, disputed and void ones
            List<String> links = page.findElements(By.cssSelector("#invoice-table tbody a")).stream()
                    .map(link -> link.getAttribute("href")).toList();
            for (String link : links) {
                page.get(link);
                assertThat(page.findElements(By.id("invoice-balance"))).as(link).hasSize(1);
            }
            page.get(base + "/invoices");

            // the overdue filter (through htmx): only overdue invoices, Kaiju's unpaid second month among them
            page.findElement(By.id("filter-overdue")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().contains("overdue=true"));
            swapping(page).until(driver -> driver.findElements(By.cssSelector("#invoice-table tbody tr")).stream()
                    .allMatch(row -> row.getText().contains("overdue")));
            assertThat(page.findElement(By.id("results")).getText()).contains("Kaiju Robotics KK");
            page.findElement(By.id("filter-overdue")).click();
            new Select(page.findElement(By.id("filter-client"))).selectByVisibleText("Kaiju Robotics KK");
            waiting(page).until(driver -> driver.getCurrentUrl().contains("client=kaiju")
                    && !driver.getCurrentUrl().contains("overdue=true"));
            swapping(page).until(driver -> driver.findElements(By.cssSelector("#invoice-table tbody tr")).stream()
                    .allMatch(row -> row.getText().contains("Kaiju Robotics KK")));
            assertThat(moneyCells(page, "JPY")).isNotEmpty();
            assertThat(moneyCells(page, "EUR")).isEmpty();

            // the reconciliation: Gulf's voided month is to check (not invoiced), marked in words, not by colour only
            String gulf = DemoCommands.id("engagement:gulf");
            String voidedPeriod = getJson(base, "/api/invoices?clientId=gulf&status=VOID", "finance")
                    .get("items").get(0).get("period").asText();
            page.get(base + "/billing/reconciliation?period=" + voidedPeriod);
            WebElement gulfRow = reconciliationRow(page, "Gulf Logistics");
            assertThat(gulfRow.getAttribute("class")).contains("flagged");
            assertThat(gulfRow.getText()).contains("⚠ Check: not invoiced");
            assertThat(page.findElements(By.cssSelector("#reconciliation-table tbody tr:not(.flagged)")))
                    .noneMatch(row -> row.getText().contains("⚠"));
            assertThat(browser.seriousAccessibilityViolations()).as("reconciliation").isEmpty();
            browser.screenshot("finance-reconciliation");

            // Stark's draft of the current month: previewed, but not issued before the month has ended
            String starkDraft = getJson(base, "/api/invoices?clientId=stark&status=DRAFT", "finance")
                    .get("items").get(0).get("invoiceId").asText();
            page.get(base + "/invoices/" + starkDraft);
            submit(page, page.findElement(By.id("issue-form")));
            assertThat(page.findElement(By.id("issue-error")).getText()).isNotBlank();
            assertThat(page.findElement(By.id("invoice-status")).getText()).isEqualToIgnoringCase("draft");
            assertThat(getJson(base, "/api/invoices/" + starkDraft, "finance").get("status").asText())
                    .isEqualTo("DRAFT");

            // a draft: Gulf's voided month drafted again, first without an engagement (refused on its field)
            page.get(base + "/invoices/new");
            ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];",
                    page.findElement(By.id("period")), voidedPeriod);
            submit(page);
            assertThat(fieldError(page, "engagementId")).isNotBlank();
            assertThat(page.findElement(By.id("engagementId")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.seriousAccessibilityViolations()).as("draft form with an error").isEmpty();
            new Select(page.findElement(By.id("engagementId"))).selectByValue(gulf);
            ((JavascriptExecutor) page).executeScript("arguments[0].value = '2099-01';",
                    page.findElement(By.id("period")));
            submit(page);
            assertThat(fieldError(page, "period")).as("the engagement's rule, on its field").contains("2099-01");
            assertThat(page.findElements(By.id("engagementId-error"))).isEmpty();
            ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];",
                    page.findElement(By.id("period")), voidedPeriod);
            submit(page);
            waiting(page).until(driver -> driver.findElements(By.id("issue-form")).size() == 1);
            String invoiceId = page.getCurrentUrl().substring(page.getCurrentUrl().lastIndexOf('/') + 1);
            assertThat(page.findElement(By.id("invoice-status")).getText()).isEqualToIgnoringCase("draft");
            assertThat(page.findElement(By.tagName("h1")).getText()).contains("Draft invoice", voidedPeriod);
            assertThat(page.findElements(By.cssSelector("#lines tbody tr"))).isNotEmpty();
            assertThat(browser.seriousAccessibilityViolations()).as("draft preview").isEmpty();
            browser.screenshot("finance-draft-preview");
            long draftVersion = getJson(base, "/api/invoices/" + invoiceId, "finance").get("version").asLong();
            submit(page, page.findElement(By.id("recompute-form")));
            assertThat(page.getCurrentUrl()).as("the period's one draft, recomputed").endsWith("/" + invoiceId);
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("Draft for " + voidedPeriod
                    + " computed.");
            assertThat(getJson(base, "/api/invoices/" + invoiceId, "finance").get("version").asLong())
                    .isGreaterThan(draftVersion);

            // issued through the API's issuer: a number, an issue and a due date
            submit(page, page.findElement(By.id("issue-form")));
            waiting(page).until(driver -> driver.findElements(By.id("payment-form")).size() == 1);
            assertThat(page.findElement(By.id("notice")).getText()).startsWith("Issued as INV-");
            assertThat(page.findElement(By.id("invoice-status")).getText()).isEqualToIgnoringCase("issued");
            JsonNode issued = getJson(base, "/api/invoices/" + invoiceId, "finance");
            assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
            assertThat(page.findElement(By.tagName("h1")).getText()).contains(issued.get("number").asText());
            BigDecimal total = new BigDecimal(issued.get("total").asText());
            assertThat(total).isPositive();
            LocalDate today = LocalDate.parse(issued.get("asOfDate").asText());

            // a bad payment: more than the balance; then one dated tomorrow: refused on their fields, nothing stored,
            // with a 4xx status (the form sent by fetch, with the page's session and CSRF token, to read the status)
            assertThat(postedStatus(page, "payment-form", "amount", "12abc")).isEqualTo(422);
            assertThat(postedStatus(page, "payment-form", "amount", total.add(BigDecimal.ONE).toPlainString()))
                    .isEqualTo(422);
            assertThat(postedStatus(page, "payment-form", "currency", "EUR")).as("not the invoice's currency")
                    .isEqualTo(422);
            fill(page, "amount", total.add(BigDecimal.ONE).toPlainString());
            fill(page, "reference", "Too much");
            submit(page, page.findElement(By.id("payment-form")));
            assertThat(fieldError(page, "amount")).contains("would pay more than is due");
            assertThat(page.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElement(By.id("amount")).getAttribute("aria-describedby")).isEqualTo("amount-error");
            assertThat(page.findElement(By.id("reference")).getAttribute("value")).as("what was typed stays")
                    .isEqualTo("Too much");
            assertThat(browser.seriousAccessibilityViolations()).as("payment form with an error").isEmpty();
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    page.findElement(By.id("amount")));
            browser.screenshot("finance-payment-error");

            BigDecimal part = total.divide(new BigDecimal("4"), 3, RoundingMode.DOWN);
            fill(page, "amount", part.toPlainString());
            fillDate(page, "date", today.plusDays(1));
            submit(page, page.findElement(By.id("payment-form")));
            assertThat(fieldError(page, "date")).contains("after today");
            assertThat(page.findElements(By.id("amount-error"))).isEmpty();
            assertThat(getJson(base, "/api/invoices/" + invoiceId, "finance").get("movements")).as("nothing stored")
                    .isEmpty();

            // a good partial payment: the balance left is shown
            fillDate(page, "date", today);
            fill(page, "reference", "Console transfer");
            submit(page, page.findElement(By.id("payment-form")));
            waiting(page).until(driver -> driver.findElements(By.id("notice")).size() == 1);
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("Payment of KWD "
                    + Amounts.format(part, "KWD") + " recorded.");
            assertThat(page.findElement(By.id("invoice-balance")).getText())
                    .isEqualTo("KWD " + Amounts.format(total.subtract(part), "KWD"));
            assertThat(page.findElement(By.id("invoice-status")).getText()).isEqualToIgnoringCase("partially paid");
            assertThat(page.findElement(By.id("movements")).getText()).contains("Console transfer");
            assertThat(browser.seriousAccessibilityViolations()).as("invoice page").isEmpty();
            browser.screenshot("finance-invoice-paid");

            // a credit note: without a reason it is refused on that field; with one, the balance goes down
            BigDecimal credit = new BigDecimal("1.250");
            fill(page, "credit-amount", credit.toPlainString());
            submit(page, page.findElement(By.id("credit-form")));
            assertThat(fieldError(page, "credit-reason")).isNotBlank();
            assertThat(page.findElement(By.id("credit-reason")).getAttribute("aria-invalid")).isEqualTo("true");
            fill(page, "credit-reason", "Console credit: one hour at the wrong rate");
            submit(page, page.findElement(By.id("credit-form")));
            waiting(page).until(driver -> driver.findElements(By.id("notice")).size() == 1);
            assertThat(page.findElement(By.id("notice")).getText()).isEqualTo("Credit note of KWD 1.250 issued.");
            assertThat(page.findElement(By.id("invoice-balance")).getText())
                    .isEqualTo("KWD " + Amounts.format(total.subtract(part).subtract(credit), "KWD"));

            // the PDF, with the browser's session (the API takes none)
            String pdfLink = page.findElement(By.id("pdf-link")).getAttribute("href");
            HttpResponse<byte[]> pdf = withSession(page, pdfLink);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

            // the billing reports: a chart per currency drawn on a canvas, and the same figures in tables
            page.get(base + "/billing");
            waiting(page).until(driver -> !driver.findElements(By.cssSelector("#aging-chart-JPY canvas")).isEmpty()
                    && !driver.findElements(By.cssSelector("#revenue-chart-KWD canvas")).isEmpty());
            assertThat(page.findElements(By.cssSelector("[data-chart]")))
                    .allMatch(chart -> "true".equals(chart.getAttribute("data-chart-drawn")));
            assertThat(page.findElement(By.id("aging-table-JPY")).getText()).contains("Kaiju Robotics KK");
            assertThat(page.findElements(By.cssSelector("#revenue-table-KWD tbody tr"))).hasSize(12);
            assertThat(page.findElement(By.id("revenue-table-EUR")).getText()).containsPattern("\\d\\.\\d{2}\\b");
            assertThat(browser.seriousAccessibilityViolations()).as("billing reports").isEmpty();
            assertThat(((JavascriptExecutor) page).executeScript("return window.policyViolations;"))
                    .as("what the Content-Security-Policy blocked while the charts were drawn").asList().isEmpty();
            browser.screenshot("finance-billing");

            // CSV downloads: the API's CSV, here with the session
            String agingCsv = csvDownload(page, "aging-csv", "aging-");
            HttpResponse<String> apiCsv = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/billing/aging"))
                    .header("Accept", "text/csv").header("Authorization", basic("finance")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(firstLine(agingCsv)).isEqualTo(firstLine(apiCsv.body()))
                    .isEqualTo("clientId,clientName,currency,current,days1to30,days31to60,days61to90,over90,total");
            assertThat(firstLine(csvDownload(page, "revenue-csv", "revenue-")))
                    .isEqualTo("month,currency,invoiced,collected,credited");

            // a month the API cannot read: its refusal next to the field, no figures
            page.get(base + "/billing?from=2027-13");
            assertThat(fieldError(page, "from")).contains("must be a month YYYY-MM");
            assertThat(page.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.findElements(By.cssSelector("[data-chart]"))).isEmpty();

            // one engagement's reconciliation, every month of it (after a month it cannot read)
            page.get(base + "/billing/reconciliation?period=2027-13");
            assertThat(fieldError(page, "period")).contains("must be a month YYYY-MM");
            assertThat(page.findElements(By.id("reconciliation-table"))).isEmpty();
            new Select(page.findElement(By.id("engagementId"))).selectByValue(gulf);
            fill(page, "period", "");
            submit(page);
            assertThat(page.findElements(By.cssSelector("#reconciliation-table tbody tr"))).hasSizeGreaterThan(1)
                    .allMatch(row -> row.getText().contains("Gulf Logistics"));

            // the reconciliation of the month: Gulf's row, now invoiced again, no longer to check
            page.get(base + "/billing/reconciliation?period=" + voidedPeriod);
            assertThat(reconciliationRow(page, "Gulf Logistics").getText()).contains("OK").doesNotContain("⚠");
            assertThat(csvDownload(page, "reconciliation-csv", "reconciliation-"))
                    .contains("\"" + gulf + "\"," + voidedPeriod + ",KWD,");

            // a phone's width: the invoice and the reports read without the page scrolling sideways
            browser.resize(390, 844);
            page.get(base + "/invoices/" + invoiceId);
            assertThat(ConsolePages.horizontalOverflow(page)).as("invoice page at 390 px").isLessThanOrEqualTo(0);
            assertThat(browser.seriousAccessibilityViolations()).as("invoice page at 390 px").isEmpty();
            browser.screenshot("finance-invoice-390px");
            page.get(base + "/billing");
            waiting(page).until(driver -> !driver.findElements(By.cssSelector("#aging-chart-JPY canvas")).isEmpty());
            assertThat(ConsolePages.horizontalOverflow(page)).as("billing reports at 390 px").isLessThanOrEqualTo(0);
            assertThat(browser.seriousAccessibilityViolations()).as("billing reports at 390 px").isEmpty();
            browser.screenshot("finance-billing-390px");
            for (String wide : List.of("/invoices", "/billing/reconciliation")) {
                page.get(base + wide);
                assertThat(ConsolePages.horizontalOverflow(page)).as(wide + " at 390 px").isLessThanOrEqualTo(0);
            }

            // an auditor reads the invoice but has none of finance's forms
            page.get(base + "/invoices");
            page.findElement(By.cssSelector(".signed-in button[type=submit]")).click();
            waiting(page).until(driver -> driver.getCurrentUrl().contains("/login"));
            page.get(base + "/invoices/" + invoiceId);
            signIn(page, "auditor");
            assertThat(page.findElement(By.id("invoice-balance")).getText())
                    .isEqualTo("KWD " + Amounts.format(total.subtract(part).subtract(credit), "KWD"));
            assertThat(page.findElements(By.id("payment-form"))).isEmpty();
            assertThat(page.findElements(By.id("credit-form"))).isEmpty();
            int movements = getJson(base, "/api/invoices/" + invoiceId, "finance").get("movements").size();
            Object refused = ((JavascriptExecutor) page).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "const body = new URLSearchParams({amount: '1.000', currency: 'KWD', date: arguments[1],"
                    + " _csrf: document.querySelector('.signed-in input[name=_csrf]').value});"
                    + "fetch('/invoices/' + arguments[0] + '/payments', {method: 'POST', body: body,"
                    + " redirect: 'manual'}).then(r => done(r.status)).catch(e => done(String(e)));",
                    invoiceId, today.toString());
            assertThat(((Number) refused).intValue()).as("an auditor's payment, with a valid session and token")
                    .isEqualTo(403);
            assertThat(getJson(base, "/api/invoices/" + invoiceId, "finance").get("movements")).hasSize(movements);
            page.get(base + "/invoices/new");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        }
    }

    /**
     * Has every page the browser opens record what its Content-Security-Policy blocks (inline styles or scripts that
     * a library adds, say) in {@code window.policyViolations}, from before the page's own scripts run.
     */
    private static void recordPolicyViolations(WebDriver page) {
        ((HasCdp) page).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.policyViolations = [];"
                        + "document.addEventListener('securitypolicyviolation', e => window.policyViolations.push("
                        + "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"));
    }

    /** A wait across an htmx swap: the rows read may be replaced while they are read. */
    private static WebDriverWait swapping(WebDriver page) {
        WebDriverWait wait = waiting(page);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The reconciliation table's row of the engagement whose client is {@code client}. */
    private static WebElement reconciliationRow(WebDriver page, String client) {
        return page.findElements(By.cssSelector("#reconciliation-table tbody tr")).stream()
                .filter(row -> row.getText().contains(client)).findFirst()
                .orElseThrow(() -> new AssertionError("no reconciliation row of " + client));
    }

    /** The texts of the list's amount cells in {@code currency}. */
    private static List<String> moneyCells(WebDriver page, String currency) {
        return page.findElements(By.cssSelector("#invoice-table tr[data-currency=" + currency + "] td.money"))
                .stream().map(WebElement::getText).collect(Collectors.toList());
    }

    /** The CSV behind the link {@code linkId}, downloaded with the session: a CSV attachment named so. */
    private static String csvDownload(WebDriver page, String linkId, String namePrefix) throws Exception {
        HttpResponse<byte[]> csv = withSession(page, page.findElement(By.id(linkId)).getAttribute("href"));
        assertThat(csv.statusCode()).as(linkId).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("filename=\"" + namePrefix));
        return new String(csv.body(), StandardCharsets.UTF_8);
    }

    /** The status the page's form {@code formId} is answered with when sent with {@code field} set to {@code value}. */
    private static long postedStatus(WebDriver page, String formId, String field, String value) {
        Object status = ((JavascriptExecutor) page).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const form = document.getElementById(arguments[0]); const data = new FormData(form);"
                + "data.set(arguments[1], arguments[2]);"
                + "fetch(form.action, {method: 'POST', body: new URLSearchParams(data), redirect: 'manual'})"
                + ".then(r => done(r.status)).catch(e => done(String(e)));", formId, field, value);
        return ((Number) status).longValue();
    }

    /** A GET with the browser's session cookie, as a download link would send it. */
    private static HttpResponse<byte[]> withSession(WebDriver page, String url) throws Exception {
        String cookies = page.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + ConsolePages.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
