package com.engagementledger.replacement.api;

/**
 * A page of replacements, newest request first, optionally of one engagement and in one status as of today.
 */
public record FindReplacements(String engagementId, ReplacementStatus status, int page, int size) {
}
