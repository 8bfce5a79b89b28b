package com.engagementledger.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One demo-profile application shared by the console's browser tests of the roles (finance, auditors, the account
 * manager's replacement and timesheet flows): started on first use, closed when the test JVM ends, so that each
 * test class does not pay for a start of its own. Tests that share it must not depend on what another test changed:
 * they assert what they did themselves (by ids they created, or "contains"), never exact totals. A test that moves
 * the demo clock starts an application of its own ({@link RunningLedger#start}).
 */
public final class DemoConsole {

    private static ConfigurableApplicationContext demo;
    private static String base;

    private DemoConsole() {
    }

    /** The shared demo application's address, e.g. {@code http://localhost:41234}; starts it on first use. */
    public static synchronized String base() {
        if (demo == null) {
            ConfigurableApplicationContext started = RunningLedger.start("demo", TestDataDirs.create("demo-console"));
            String address = "http://localhost:" + RunningLedger.port(started);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "demo-console-close"));
            // the demo data is seeded through the command side; its read models follow within moments
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    ConsolePages.getJson(address, "/api/engagements", "auditor").get("totalItems").asLong() >= 8);
            demo = started;
            base = address;
        }
        return base;
    }

    public static synchronized ConfigurableApplicationContext context() {
        base();
        return demo;
    }
}
