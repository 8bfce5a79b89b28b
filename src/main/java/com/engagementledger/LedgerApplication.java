package com.engagementledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    /**
     * Exits with status 1 when the start fails (Spring Boot has printed its report by then): Axon's non-daemon
     * threads would otherwise keep a half-started JVM alive, which a supervisor takes for a running server.
     */
    public static void main(String[] args) {
        try {
            SpringApplication.run(LedgerApplication.class, args);
        } catch (RuntimeException startFailed) {
            System.exit(1);
        }
    }
}
