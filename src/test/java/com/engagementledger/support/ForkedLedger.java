package com.engagementledger.support;

import static org.awaitility.Awaitility.await;

import com.engagementledger.LedgerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, on a data directory and a free port, so that a test can kill it with SIGKILL
 * and restart another on the same stores.
 */
public final class ForkedLedger implements AutoCloseable {

    /** Start-up of a second JVM on a loaded two-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;

    private ForkedLedger(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the application with the given profile (null for none) and extra arguments on {@code dataDir} and the
     * given relational store; its output goes to {@code logName} in the data directory. Does not wait for it.
     */
    public static ForkedLedger start(String profile, Path dataDir, PreparedStore store, String logName,
                                     List<String> arguments) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--ledger.data-dir=" + dataDir, "--server.port=" + port));
        List<String> profiles = new ArrayList<>();
        if (profile != null) {
            profiles.add(profile);
        }
        profiles.addAll(store.profiles());
        if (!profiles.isEmpty()) {
            command.add("--spring.profiles.active=" + String.join(",", profiles));
        }
        command.addAll(store.arguments());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve(logName).toFile())
                    .start();
            return new ForkedLedger(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Waits until the application answers its health check, and returns a client for it. */
    public Api awaitHealthy() {
        Api api = new Api(port);
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the forked application exited with " + process.exitValue());
                    }
                    return api.anonymous().get("/actuator/health").status() == 200;
                });
        return api;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or stopped in order. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the forked application survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * SIGTERM, as a service manager stops a service: the shutdown hooks run. Returns at once; see
     * {@link #awaitExit(Duration)}.
     */
    public void terminate() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the process to end; true when it did. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
