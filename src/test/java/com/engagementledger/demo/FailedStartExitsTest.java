package com.engagementledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.LedgerApplication;
import com.engagementledger.support.FailedStart;
import com.engagementledger.support.TestDataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the application in a JVM of its own, as a supervisor does, with demo data the configuration refuses: the
 * process ends with a non-zero status instead of being kept alive by Axon's threads, and says why.
 */
class FailedStartExitsTest {

    @Test
    void aRefusedDemoSeedingEndsTheProcessWithANonZeroStatusAndSaysWhichSettingToChange() throws Exception {
        Path dataDir = TestDataDirs.create("refused-demo");
        Path output = dataDir.resolve("refused-demo.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--ledger.data-dir=" + dataDir,
                "--server.port=" + FailedStart.closedPort(),
                "--ledger.engagement-defaults.forward-dating-days=20",
                // defaults within the window, so that it is the demo seeding that is refused, not the defaults
                "--ledger.engagement-defaults.notice-period-days=20",
                "--ledger.engagement-defaults.rate-change-notice-days=20"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("the process ended").isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(Files.readString(output))
                    .contains("demo data could not be seeded: ")
                    .contains("ledger.engagement-defaults.forward-dating-days");
        } finally {
            app.destroyForcibly();
        }
    }
}
