package com.engagementledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by Selenium for the console's browser tests (ADR 0041): Debian's {@code chromium} and
 * {@code chromedriver}, named explicitly so that Selenium Manager never looks for or downloads a browser or driver,
 * with a fresh profile directory per browser. Without them the calling test is skipped with a message saying so,
 * unless {@code LEDGER_REQUIRE_SERVICES=true} (as in CI), which makes their absence a failure.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(env("LEDGER_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(env("LEDGER_CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    private static boolean announced;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test when Chromium or its driver is missing; fails it instead when services are required. */
    public static void assumeAvailable() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing == null) {
            return;
        }
        String message = "Browser test skipped: " + missing + " is not installed (apt-get install chromium"
                + " chromium-driver)";
        if (Boolean.parseBoolean(System.getenv(PostgresDatabase.REQUIRE_SERVICES))) {
            Assertions.fail(message + ", and " + PostgresDatabase.REQUIRE_SERVICES + "=true requires it");
        }
        announceOnce(message);
        Assumptions.assumeTrue(false, message);
    }

    /**
     * Says it on the build's console once per test JVM (as {@link PostgresDatabase} does): Surefire keeps the tests'
     * own output in files and lists skipped tests without their reason, but passes native standard error through.
     */
    private static synchronized void announceOnce(String message) {
        if (announced) {
            return;
        }
        announced = true;
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println("[WARNING] SKIPPED in a browser: " + message + ". Set " + PostgresDatabase.REQUIRE_SERVICES
                + "=true to make its absence a failure.");
    }

    /** A new headless browser with an empty profile and a window of the given size. */
    public static Browser open(int width, int height) {
        assumeAvailable();
        Path profile;
        try {
            profile = Files.createTempDirectory("ledger-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Resizes the window, e.g. to a phone's 390 px. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png} and answers the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (the script Deque publishes on Maven Central in {@code com.deque.html.axe-core:selenium}) on the
     * current page and answers its serious and critical violations, each as "id (impact): help, at selectors".
     */
    public List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify({error: String(e)})));");
        try {
            JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
            if (violations.has("error")) {
                throw new IllegalStateException("axe-core failed: " + violations.get("error").asText());
            }
            List<String> serious = new ArrayList<>();
            for (JsonNode violation : violations) {
                if (SERIOUS.contains(violation.path("impact").asText())) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    serious.add(violation.path("id").asText() + " (" + violation.path("impact").asText() + "): "
                            + violation.path("help").asText() + ", at " + targets);
                }
            }
            return serious;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the system cleans it eventually
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
