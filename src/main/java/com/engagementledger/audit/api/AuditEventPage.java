package com.engagementledger.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of the audit history in position order. A page may hold fewer items than asked for (a scan stops after a
 * bounded number of events), so only a null {@code nextCursor} means the end.
 *
 * @param items      the events
 * @param nextCursor what to pass as {@code cursor} for the next page; null on the last one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEventPage(List<AuditEventItem> items, String nextCursor) {
}
