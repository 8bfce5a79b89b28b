package com.engagementledger;

import com.engagementledger.audit.offline.OfflineVerifier;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    /**
     * Runs the application, or with {@code verify} as the first argument the offline verification of an audit
     * export. Exits with status 1 when the start fails (Spring Boot has printed its report by then): Axon's non-daemon
     * threads would otherwise keep a half-started JVM alive, which a supervisor takes for a running server.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            // The offline check of an audit export (ADR 0029) needs neither Spring nor a database.
            System.exit(OfflineVerifier.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        try {
            SpringApplication.run(LedgerApplication.class, args);
        } catch (RuntimeException startFailed) {
            System.exit(1);
        }
    }
}
