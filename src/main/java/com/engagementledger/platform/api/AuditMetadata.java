package com.engagementledger.platform.api;

/**
 * Keys of the audit metadata every event carries (DESIGN.md §3).
 */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLES = "roles";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";

    /** The actor of everything the system does by itself when time passes (auto-acceptance, end after notice). */
    public static final String SYSTEM_ACTOR = "system";
    public static final String SYSTEM_ROLE = "SYSTEM";

    private AuditMetadata() {
    }
}
