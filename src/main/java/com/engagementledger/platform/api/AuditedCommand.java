package com.engagementledger.platform.api;

/**
 * A command whose reason belongs in the audit metadata of the events it causes.
 */
public interface AuditedCommand {

    /** Why the actor did this; may be null where the domain does not require a reason. */
    String reason();
}
