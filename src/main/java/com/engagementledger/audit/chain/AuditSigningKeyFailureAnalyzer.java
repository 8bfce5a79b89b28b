package com.engagementledger.audit.chain;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that has no audit signing key: checkpoints would go unsigned, so the application does not start
 * (ADR 0028).
 */
public class AuditSigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<AuditSigningKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditSigningKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure the Ed25519 key pair that signs audit checkpoints: LEDGER_AUDIT_SIGNING_KEY (i.e."
                        + " ledger.audit.signing-key) with the PEM of both keys, e.g. from `openssl genpkey"
                        + " -algorithm ed25519 -out audit.pem && openssl pkey -in audit.pem -pubout >> audit.pem`;"
                        + " or LEDGER_AUDIT_KEY_DIRECTORY (ledger.audit.key-directory), a durable, private directory"
                        + " where the application generates and keeps its keys and where rotation puts new ones.",
                cause);
    }
}
