package com.engagementledger.audit.api;

/**
 * One aggregate's events in order with their audit metadata and chain hashes, at most {@code limit} of them: the
 * same selection as {@code GET /api/audit/events?aggregateType&aggregateId}, for pages that show an aggregate's
 * timeline (the console's engagement page, ADR 0041). The read is recorded in the access log as {@code readVia} by
 * {@code reader} in {@code readerRoles} (comma-separated), like a read of the audit API.
 *
 * @param aggregateType the audit API's name of the type, e.g. {@code engagement}
 */
public record FindAggregateHistory(String aggregateType, String aggregateId, int limit, String reader,
                                   String readerRoles, String readVia) {
}
