package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Readings of the audit evidence, oldest first, a page at a time.
 *
 * @param items      the readings
 * @param nextCursor what to pass as {@code cursor} for the next page; null on the last one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditAccessPage(List<AuditAccess> items, String nextCursor) {
}
