package com.engagementledger.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the machine's PostgreSQL for one test (class), created fresh under a unique name and
 * dropped on {@link #close()}, so that several test runs on one machine never see each other's events.
 *
 * <p>The server is found at {@code LEDGER_TEST_PG_HOST}:{@code LEDGER_TEST_PG_PORT} (127.0.0.1:5432), reached with
 * trust authentication as {@code LEDGER_TEST_PG_USER}, or else as {@code root} or {@code postgres}. When it cannot
 * be reached, the tests that need it are skipped with a message saying so, unless
 * {@code LEDGER_REQUIRE_SERVICES=true} (as in CI), which makes them fail instead.
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String REQUIRE_SERVICES = "LEDGER_REQUIRE_SERVICES";

    private static final String HOST = env("LEDGER_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("LEDGER_TEST_PG_PORT", "5432");
    private static final String ADMIN_DATABASE = env("LEDGER_TEST_PG_DATABASE", "test");
    private static final String PASSWORD = env("LEDGER_TEST_PG_PASSWORD", "");

    private static volatile String user;
    private static String unreachable;
    private static boolean announced;

    private final String name;
    private final String url;

    private PostgresDatabase(String name) {
        this.name = name;
        this.url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    /**
     * Skips the calling test (a JUnit assumption) when PostgreSQL cannot be reached, or fails it when
     * {@code LEDGER_REQUIRE_SERVICES=true}.
     */
    public static void assumeReachable() {
        String why = unreachableMessage();
        Assumptions.assumeTrue(why == null, why);
    }

    /**
     * Null when PostgreSQL is reachable; else why the PostgreSQL variant of a test is skipped. Throws (an assertion
     * failure) instead when {@code LEDGER_REQUIRE_SERVICES=true}.
     */
    static String unreachableMessage() {
        String problem = connectionProblem();
        if (problem == null) {
            return null;
        }
        String message = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " (" + problem + ")";
        if (Boolean.parseBoolean(System.getenv(REQUIRE_SERVICES))) {
            Assertions.fail(message + ", and " + REQUIRE_SERVICES + "=true requires it. Start it, e.g. with "
                    + "pg_ctlcluster --skip-systemctl-redirect <version> main start, or run .ci/run.");
        }
        String skipped = "SKIPPED on PostgreSQL: " + message + ". Start PostgreSQL to run this variant, or set "
                + REQUIRE_SERVICES + "=true to make its absence a failure.";
        announceOnce(skipped);
        return skipped;
    }

    /**
     * Says it on the build's console once per test JVM: Surefire keeps the tests' own output in files and lists
     * skipped tests without their reason, but passes the forked JVM's native standard error through.
     */
    private static synchronized void announceOnce(String skipped) {
        if (announced) {
            return;
        }
        announced = true;
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println("[WARNING] " + skipped);
    }

    /** Creates a fresh, empty database whose name starts with {@code ledger_<purpose>_}. */
    public static PostgresDatabase create(String purpose) {
        assumeReachable();
        String name = ("ledger_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        PostgresDatabase database = new PostgresDatabase(name);
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    /** Spring properties that point the {@code postgres} profile's relational store at this database. */
    public List<String> arguments() {
        return arguments(url);
    }

    /**
     * The same, with the application reaching the server through a {@link TcpProxy} on the given loopback port.
     */
    public List<String> argumentsThrough(TcpProxy proxy) {
        return arguments("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name);
    }

    /** The server this database lives on, for a {@link TcpProxy} in front of it. */
    public static TcpProxy proxy() {
        return TcpProxy.to(HOST, Integer.parseInt(PORT));
    }

    private List<String> arguments(String url) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + user);
        args.add("--spring.datasource.password=" + PASSWORD);
        // The machine has no MongoDB: the read models stay on the embedded wire-protocol server.
        args.add("--spring.data.mongodb.uri=");
        // Outside the embedded default the audit signing key is not generated unasked: keep it beside the data.
        args.add("--ledger.audit.key-directory=${ledger.data-dir}/audit-keys");
        return args;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = connect(user);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    /**
     * Null when a connection as one of the candidate users works (and remembers that user); else why not. Asked
     * once per test JVM: a server that is down stays down for the run, and each try can take the login timeout.
     */
    private static synchronized String connectionProblem() {
        if (user != null || unreachable != null) {
            return unreachable;
        }
        List<String> problems = new ArrayList<>();
        for (String candidate : candidateUsers()) {
            try (Connection ignored = connect(candidate)) {
                user = candidate;
                return null;
            } catch (SQLException e) {
                problems.add(candidate + ": " + e.getMessage());
            }
        }
        unreachable = String.join("; ", problems);
        return unreachable;
    }

    private static List<String> candidateUsers() {
        String configured = System.getenv("LEDGER_TEST_PG_USER");
        return configured != null && !configured.isBlank() ? List.of(configured) : List.of("root", "postgres");
    }

    private static Connection connect(String as) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", as);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + ADMIN_DATABASE,
                properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
