package com.engagementledger.platform.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a held data directory into the one-paragraph explanation an operator needs at start-up.
 */
public class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage() + " (lock file " + cause.dataDir().resolve(DataDirectoryLock.LOCK_FILE) + ").",
                "Stop the other instance, or start this one with another directory: --ledger.data-dir=/path/to/dir.",
                cause);
    }
}
