package com.engagementledger.audit.chain;

/**
 * The row that says how far the audit chain has got ({@code audit_chain_progress}, id 1) is gone: the schema
 * migration creates it and the application never deletes it, so the relational store was edited. Explained at
 * start-up by {@link AuditChainProgressMissingFailureAnalyzer}.
 */
public class AuditChainProgressMissingException extends IllegalStateException {

    public AuditChainProgressMissingException() {
        super("The audit chain's progress row (audit_chain_progress, id 1) is missing: the application never deletes"
                + " it, so the relational store was edited; the chain cannot tell how far it had got and does not"
                + " guess");
    }
}
