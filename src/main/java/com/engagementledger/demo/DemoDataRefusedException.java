package com.engagementledger.demo;

/** The domain refused a command of the demo data, e.g. because the configured windows do not admit its dates. */
public class DemoDataRefusedException extends RuntimeException {

    DemoDataRefusedException(String feature, Throwable refusal) {
        super("demo data could not be seeded: " + feature + ": " + refusal.getMessage(), refusal);
    }
}
