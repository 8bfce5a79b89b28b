package com.engagementledger.audit.chain;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start on a relational store whose audit chain progress row was deleted (ADR 0028): resuming from
 * position 1 would collide with the recorded links, and resuming from the last link would trust the edited store.
 */
public class AuditChainProgressMissingFailureAnalyzer
        extends AbstractFailureAnalyzer<AuditChainProgressMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditChainProgressMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Treat the relational store as tampered with: restore it from a backup taken before the edit, start"
                        + " the application and check GET /api/audit/verify; compare with an earlier NDJSON export"
                        + " (java -jar ledger.jar verify) to see what changed.",
                cause);
    }
}
