package com.engagementledger.audit.api;

/**
 * One reading of the audit evidence.
 *
 * @param id       its order of recording
 * @param at       when, on the application clock (ISO-8601)
 * @param actor    who
 * @param roles    in which roles, comma-separated
 * @param endpoint the method and path
 * @param filter   the query string as sent (empty for none)
 * @param status   the HTTP status answered
 */
public record AuditAccess(long id, String at, String actor, String roles, String endpoint, String filter,
                          int status) {
}
