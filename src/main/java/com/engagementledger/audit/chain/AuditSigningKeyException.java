package com.engagementledger.audit.chain;

/**
 * The audit signing key cannot be had: none is configured where none may be generated, or the configured one is
 * not an Ed25519 key pair. Explained at start-up by {@link AuditSigningKeyFailureAnalyzer}.
 */
public class AuditSigningKeyException extends IllegalStateException {

    public AuditSigningKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
