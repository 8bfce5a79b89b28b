package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The audit metadata of an event (DESIGN.md §3): who, in which roles, why, and how it relates to other messages.
 * A member the event does not carry is null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventMetadata(String actor, List<String> roles, String reason, String correlationId,
                                 String causationId, String requestId) {
}
