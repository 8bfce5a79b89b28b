package com.engagementledger.replacement.api;

/**
 * One proposed candidate and where they stand; {@code rejectionReason} is set once they are rejected.
 */
public record CandidateView(String candidateId, String professionalId, String professionalName,
                            CandidateStatus status, String rejectionReason) {
}
