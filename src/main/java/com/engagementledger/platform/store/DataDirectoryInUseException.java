package com.engagementledger.platform.store;

import java.nio.file.Path;

/**
 * Another instance holds the data directory.
 */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir) {
        super("Data directory " + dataDir + " is already in use by another Engagement Ledger instance");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
