package com.engagementledger.support;

import com.engagementledger.LedgerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A start-up of the whole application that is expected to fail: what it threw, and how long it took.
 *
 * @param failure what {@code SpringApplication.run} threw
 * @param took    from the start to the failure
 */
public record FailedStart(Throwable failure, Duration took) {

    /** Starts the application with these profiles (comma-separated, may be empty) and arguments. */
    public static FailedStart of(String profiles, String... args) {
        long start = System.nanoTime();
        try {
            String[] active = profiles.isEmpty() ? new String[0] : profiles.split(",");
            new SpringApplicationBuilder(LedgerApplication.class).profiles(active).run(args).close();
        } catch (RuntimeException expected) {
            return new FailedStart(expected, Duration.ofNanos(System.nanoTime() - start));
        }
        throw new AssertionError("the application started");
    }

    /** A port on 127.0.0.1 that nothing listens on (free a moment ago). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
