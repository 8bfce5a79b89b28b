package com.engagementledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's browser tests do on a page (ADR 0041): sign in as a demo user, fill and submit a form, read a
 * field's error, check for sideways scrolling; and the API beside the console, with HTTP Basic, to set up or check
 * what a page should show. Demo users' password is {@code demo}.
 */
public final class ConsolePages {

    public static final String DEMO_PASSWORD = "demo";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsolePages() {
    }

    /** Signs in on the sign-in page the browser shows. */
    public static void signIn(WebDriver page, String user) {
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        page.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting(page).until(driver -> !driver.findElements(By.id("signed-in-user")).isEmpty());
    }

    public static void fill(WebDriver page, String id, String value) {
        WebElement field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** A date input takes what its locale shows, not ISO text; the browser submits it as ISO, as set here. */
    public static void fillDate(WebDriver page, String id, LocalDate date) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];",
                page.findElement(By.id(id)), date.toString());
    }

    /** Submits the first form in {@code main} and waits for the page that answers it. */
    public static void submit(WebDriver page) {
        submit(page, page.findElement(By.cssSelector("main form")));
    }

    /** Submits {@code form} with its submit button and waits for the page that answers it. */
    public static void submit(WebDriver page, WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(page).until(driver -> {
            try {
                form.isDisplayed();
                return false;
            } catch (StaleElementReferenceException reloaded) {
                return true;
            } catch (WebDriverException reloading) {
                // asked while the new page replaces the old one, Chromium may answer this instead of "stale"
                if (String.valueOf(reloading.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw reloading;
            }
        });
        // the old page is gone; the answer (after a redirect, the page it leads to) may still be loading
        waiting(page).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState;")));
    }

    /** The message shown next to the field with id {@code id} (the element {@code id-error}). */
    public static String fieldError(WebDriver page, String id) {
        return page.findElement(By.id(id + "-error")).getText();
    }

    public static WebDriverWait waiting(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(15));
    }

    /** How many pixels the page scrolls sideways (0 or less: none). */
    public static int horizontalOverflow(WebDriver page) {
        Object overflow = ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) overflow).intValue();
    }

    /** An API request as {@code user} (HTTP Basic with the demo password; null: anonymous). */
    public static HttpResponse<String> send(String base, String method, String path, String user, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An API answer's JSON, read as {@code user}. */
    public static JsonNode getJson(String base, String path, String user) throws Exception {
        return JSON.readTree(send(base, "GET", path, user, null).body());
    }

    /** The demo application's clock, as its admin sees it. */
    public static Instant demoNow(String base) throws Exception {
        return Instant.parse(getJson(base, "/api/admin/clock", "admin").get("instant").asText());
    }
}
