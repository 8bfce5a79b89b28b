package com.engagementledger.replacement.api;

/**
 * A replacement's status as of a day. {@code CANDIDATE_ACCEPTED} turns into {@code OVERLAP} on the incoming
 * professional's first day; a missed SLA is recorded beside the status, not instead of it.
 */
public enum ReplacementStatus {
    REQUESTED,
    CANDIDATE_PROPOSED,
    CANDIDATE_ACCEPTED,
    OVERLAP,
    COMPLETED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != COMPLETED && this != WITHDRAWN;
    }
}
