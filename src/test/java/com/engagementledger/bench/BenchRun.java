package com.engagementledger.bench;

import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.RunningLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What a scenario runs with on one store: fresh data directories and databases, applications started in this JVM
 * with the benchmark's users, the sizes and rounds the command line asked for, and a log.
 *
 * <p>Sizes and rounds are system properties {@code bench.<name>} (the {@code bench} Maven profile passes them on):
 * a scenario asks with {@link #size(String, long)} and says its defaults in its documentation.
 */
public final class BenchRun {

    /** Password of every benchmark user; hashed with BCrypt cost 10, as the demo users' are. */
    public static final String PASSWORD = "bench";
    public static final String MANAGER = "bench-manager";
    public static final String FINANCE = "bench-finance";
    public static final String AUDITOR = "bench-auditor";
    public static final String ADMIN = "bench-admin";

    private static String passwordHash;

    private final RelationalStore store;
    private final Path workDir;
    private final List<Path> dataDirs = new ArrayList<>();

    BenchRun(RelationalStore store, Path workDir) {
        this.store = store;
        // absolute: H2 refuses a database URL with a path relative to the working directory (the default is one)
        this.workDir = workDir.toAbsolutePath();
    }

    public RelationalStore store() {
        return store;
    }

    /** H2 or PostgreSQL, as reports name it. */
    public String storeName() {
        return store.productName();
    }

    /** A system property {@code bench.<name>} as a number, or the default. Accepts 1_000_000 and 1e6. */
    public static long size(String name, long defaultValue) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return (long) Double.parseDouble(value.replace("_", ""));
    }

    /** Measured rounds per figure ({@code bench.rounds}, 5). */
    public static int rounds() {
        return (int) size("rounds", 5);
    }

    /** Warm-up rounds before them ({@code bench.warmups}, 1). */
    public static int warmups() {
        return (int) size("warmups", 1);
    }

    /** A fresh, empty data directory under the benchmark's work directory, removed when the store's run ends. */
    public Path newDataDir(String name) {
        try {
            Files.createDirectories(workDir);
            Path dir = Files.createTempDirectory(workDir, store.name().toLowerCase() + "-" + name + "-");
            dataDirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh relational store for one application (nothing to do for H2; a new database on PostgreSQL). */
    public PreparedStore prepare(String purpose) {
        return store.prepare("bench_" + purpose);
    }

    /**
     * Starts the application in this JVM on {@code dataDir} and {@code prepared}, on a free port, with no profile
     * but the store's, the benchmark's four users (one per role) and {@code extraArguments}
     * ({@code --name=value}).
     */
    public ConfigurableApplicationContext start(Path dataDir, PreparedStore prepared, String... extraArguments) {
        List<String> arguments = new ArrayList<>(prepared.arguments());
        String[][] users = {{MANAGER, "ACCOUNT_MANAGER"}, {FINANCE, "FINANCE"}, {AUDITOR, "AUDITOR"},
            {ADMIN, "ADMIN"}};
        for (int i = 0; i < users.length; i++) {
            arguments.add("--ledger.security.users[" + i + "].username=" + users[i][0]);
            arguments.add("--ledger.security.users[" + i + "].password-hash=" + passwordHash());
            arguments.add("--ledger.security.users[" + i + "].roles[0]=" + users[i][1]);
        }
        arguments.addAll(List.of(extraArguments));
        PreparedStore withUsers = new PreparedStore(prepared.profiles(), arguments, () -> { });
        return RunningLedger.start(null, dataDir, withUsers);
    }

    private static synchronized String passwordHash() {
        if (passwordHash == null) {
            passwordHash = new BCryptPasswordEncoder(10).encode(PASSWORD);
        }
        return passwordHash;
    }

    /** One line on standard output, with the time, the store and the scenario's words. */
    public void log(String format, Object... arguments) {
        System.out.printf("%s [%s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME), storeName(),
                String.format(format, arguments));
    }

    /** Removes the data directories this run made, unless {@code -Dbench.keep=true}. */
    void cleanUp() {
        if (Boolean.getBoolean("bench.keep")) {
            log("keeping %s", dataDirs);
            return;
        }
        for (Path dir : dataDirs) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                log("could not remove %s: %s", dir, e);
            }
        }
        dataDirs.clear();
    }
}
