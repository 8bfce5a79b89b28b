package com.engagementledger.replacement.api;

/**
 * Where one proposed candidate stands.
 */
public enum CandidateStatus {
    PROPOSED,
    ACCEPTED,
    REJECTED
}
