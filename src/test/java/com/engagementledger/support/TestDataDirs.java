package com.engagementledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh temporary data directory per application a test starts, so that tests never share or collide on stores.
 */
public final class TestDataDirs {

    private TestDataDirs() {
    }

    public static Path create(String name) {
        try {
            return Files.createTempDirectory("ledger-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
