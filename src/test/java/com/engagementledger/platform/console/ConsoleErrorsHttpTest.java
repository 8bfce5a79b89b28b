package com.engagementledger.platform.console;

import static com.engagementledger.support.ConsolePages.DEMO_PASSWORD;
import static com.engagementledger.support.ConsolePages.getJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.web.Amounts;
import com.engagementledger.support.ConsolePages;
import com.engagementledger.support.DemoConsole;
import com.engagementledger.support.RawHttp;
import com.engagementledger.support.RawHttp.Raw;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The console's answers to what a hostile tester sends (ADR 0041), over plain HTTP with a signed-in session: a form
 * sent twice, list indexes no form has, paths refused before the application, extensions in paths, forms whose CSRF
 * token no longer holds, htmx requests after the session is lost, and refusals because of an item's state. Each is
 * a readable HTML page with the status the API would give (409, 400, 403 ...), never a 500 or a problem document.
 */
class ConsoleErrorsHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aPaymentFormSentTwiceIsA409WithTheInvoiceAsItIsNow() throws Exception {
        String base = DemoConsole.base();
        JsonNode invoice = getJson(base, "/api/invoices?status=ISSUED&size=50", "finance").get("items").get(0);
        String id = invoice.get("invoiceId").asText();
        String currency = invoice.get("currency").asText();
        Session finance = Session.signIn(base, "finance");
        String page = finance.get("/invoices/" + id).body();
        String version = value(page, "version");
        String date = LocalDate.ofInstant(ConsolePages.demoNow(base), ZoneOffset.UTC).toString();
        Map<String, String> payment = Map.of("amount", Amounts.format(BigDecimal.ONE, currency),
                "currency", currency, "date", date, "reference", "twice", "version", version);
        assertThat(finance.post("/invoices/" + id + "/payments", payment, page).statusCode()).isEqualTo(302);
        for (String path : List.of("/payments", "/credit-notes")) {
            Map<String, String> form = new LinkedHashMap<>(payment);
            if (path.equals("/credit-notes")) {
                form.remove("reference");
                form.put("reason", "twice");
            }
            HttpResponse<String> again = finance.post("/invoices/" + id + path, form, page);
            assertThat(again.statusCode()).as(path + " with a stale version: " + again.body()).isEqualTo(409);
            assertHtml(again);
            assertThat(again.body()).contains("changed while this page was open")
                    .contains("name=\"version\" value=\"" + getJson(base, "/api/invoices/" + id, "finance")
                            .get("version").asText() + "\"");
        }
    }

    @Test
    void aRefusalBecauseOfTheStateIsA409AsInTheApi() throws Exception {
        String base = DemoConsole.base();
        String id = getJson(base, "/api/engagements?status=ACTIVE", "manager").get("items").get(0)
                .get("engagementId").asText();
        Session manager = Session.signIn(base, "manager");
        String page = manager.get("/engagements/" + id).body();
        HttpResponse<String> refused = manager.post("/engagements/" + id + "/actions/start-trial",
                Map.of("startDate", LocalDate.ofInstant(ConsolePages.demoNow(base), ZoneOffset.UTC).toString()),
                page);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertHtml(refused);
        assertThat(ConsolePages.send(base, "POST", "/api/engagements/" + id + "/trial", "manager",
                "{\"startDate\":\"" + LocalDate.ofInstant(ConsolePages.demoNow(base), ZoneOffset.UTC) + "\"}")
                .statusCode()).as("the API's answer to the same command").isEqualTo(409);
    }

    @Test
    void aListIndexNoFormHasIsA400Page() throws Exception {
        String base = DemoConsole.base();
        Session manager = Session.signIn(base, "manager");
        String timesheet = getJson(base, "/api/timesheets", "manager").get("items").get(0).get("timesheetId")
                .asText();
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/engagements", Map.of("seats[300].rate", "1"));
        forms.put("/timesheets/" + timesheet + "/resubmit", Map.of("hours[99999]", "1"));
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            String page = manager.page("/engagements/new");
            HttpResponse<String> response = manager.post(form.getKey(), form.getValue(), page);
            assertThat(response.statusCode()).as(form.getKey() + ": " + response.body()).isEqualTo(400);
            assertHtml(response);
            assertThat(response.body()).contains("This request cannot be read");
        }
    }

    @Test
    void consolePathsTheServerRefusesAreHtmlPagesAndApiPathsStayProblems() throws Exception {
        String base = DemoConsole.base();
        int port = URI.create(base).getPort();
        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/engagements;jsessionid=abc", "//engagements", "/engagements/a%2Fb",
                "/engagements/%00", "/engagements/..", "/engagements/%zz")) {
            Raw console = RawHttp.send(port, "GET " + path + " HTTP/1.1");
            soft.assertThat(console.status()).as(path + " -> " + console).isEqualTo(400);
            soft.assertThat(console.headers().getOrDefault("content-type", "")).as(path + " -> " + console)
                    .startsWith("text/html");
            soft.assertThat(console.body()).as(path).contains("<h1>", "This request cannot be read")
                    .doesNotContain("\"status\"", "Tomcat", "java.");
            Raw api = RawHttp.send(port, "GET /api" + path + " HTTP/1.1");
            soft.assertThat(api.headers().getOrDefault("content-type", "")).as("/api" + path + " -> " + api)
                    .startsWith("application/problem+json");
        }
        soft.assertAll();
    }

    @Test
    void consoleErrorPagesAreHtmlWhateverThePathEndsIn() throws Exception {
        String base = DemoConsole.base();
        Session manager = Session.signIn(base, "manager");
        String id = getJson(base, "/api/engagements", "manager").get("items").get(0).get("engagementId").asText();
        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/engagements.json", "/x.json", "/engagements/" + id + ".xml", "/x.csv",
                "/engagements/" + id + ".pdf")) {
            HttpResponse<String> response = manager.get(path);
            soft.assertThat(response.statusCode()).as(path).isEqualTo(404);
            soft.assertThat(response.headers().firstValue("content-type").orElse("")).as(path)
                    .isEqualToIgnoringCase("text/html;charset=UTF-8");
            soft.assertThat(response.body()).as(path).contains("Page not found");
        }
        soft.assertAll();
    }

    @Test
    void aFormWhoseTokenNoLongerHoldsSaysSoAndNotThatTheRoleIsWrong() throws Exception {
        String base = DemoConsole.base();
        Session manager = Session.signIn(base, "manager");
        String id = getJson(base, "/api/engagements?status=ACTIVE", "manager").get("items").get(0)
                .get("engagementId").asText();
        String page = manager.get("/engagements/" + id).body();
        Session other = Session.signIn(base, "manager");
        // a token of another session
        HttpResponse<String> foreign = manager.post("/engagements/" + id + "/actions/pause", Map.of(),
                other.get("/engagements/" + id).body());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertHtml(foreign);
        assertThat(foreign.body()).contains("This form has expired or was sent from another session")
                .doesNotContain("Your role does not allow");
        // no token at all
        HttpResponse<String> missing = manager.post("/engagements/" + id + "/actions/pause", Map.of(), "");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("This form has expired");

        // signed out meanwhile (a restart, an expired session): to the sign-in page, and back to the form's page
        Session gone = new Session(base);
        HttpResponse<String> signedOut = gone.send(HttpRequest.newBuilder(URI.create(base + "/engagements/" + id
                        + "/actions/pause"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", base + "/engagements/" + id)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", csrf(page))))));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("location").orElse("")).endsWith("/login");
        HttpResponse<String> afterSignIn = gone.signInHere("manager");
        assertThat(afterSignIn.headers().firstValue("location").orElse("")).endsWith("/engagements/" + id);
    }

    @Test
    void anHtmxRequestAfterTheSessionIsLostSendsTheBrowserToTheSignInPage() throws Exception {
        String base = DemoConsole.base();
        Session gone = new Session(base);
        for (String path : List.of("/engagements?status=ACTIVE", "/admin/projections/engagements/progress")) {
            HttpResponse<String> response = gone.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("HX-Request", "true").header("HX-Current-URL", base + "/engagements").GET());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("HX-Redirect")).as(path).contains("/login");
            assertThat(response.body()).as(path).isEmpty();
        }
        // back to the page the fragment was asked for, not to the fragment
        assertThat(gone.signInHere("manager").headers().firstValue("location").orElse(""))
                .endsWith("/engagements");
        // without htmx: the redirect as before
        HttpResponse<String> plain = new Session(base).get("/engagements");
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("location").orElse("")).endsWith("/login");
    }

    private static void assertHtml(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("<h1").doesNotContain("java.", "Exception");
    }

    private static String value(String page, String name) {
        Matcher found = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(found.find()).as(name + " in the page").isTrue();
        return found.group(1);
    }

    private static String csrf(String page) {
        Matcher found = CSRF.matcher(page);
        return found.find() ? found.group(1) : "";
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A browser's session: its cookie, no redirects followed. */
    private static final class Session {
        private final String base;
        private final HttpClient http;

        Session(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Session signIn(String base, String user) throws Exception {
            Session session = new Session(base);
            assertThat(session.signInHere(user).statusCode()).isEqualTo(302);
            return session;
        }

        HttpResponse<String> signInHere(String user) throws Exception {
            String login = get("/login").body();
            return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user,
                            "password", DEMO_PASSWORD, "_csrf", csrf(login))))));
        }

        /** A page as a browser shows it: after the redirect that gives a new form its token. */
        String page(String path) throws Exception {
            HttpResponse<String> response = get(path);
            return response.statusCode() != 302 ? response.body()
                    : send(HttpRequest.newBuilder(URI.create(response.headers().firstValue("location").orElseThrow()))
                    .GET()).body();
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** Posts a form with the CSRF token of {@code page} (none when it has none). */
        HttpResponse<String> post(String path, Map<String, String> fields, String page) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            String token = csrf(page);
            if (!token.isEmpty()) {
                all.put("_csrf", token);
            }
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(all))));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
