package com.engagementledger.support;

import java.util.List;

/**
 * A relational store ready for one test: the profiles and command-line arguments that point an application at it,
 * and what to do once the test is over.
 */
public record PreparedStore(List<String> profiles, List<String> arguments, Runnable cleanup) implements AutoCloseable {

    @Override
    public void close() {
        cleanup.run();
    }
}
