package com.engagementledger.replacement.query;

import com.engagementledger.replacement.api.CandidateStatus;

/**
 * A candidate inside a replacement document.
 */
record CandidateDocument(String candidateId, String professionalId, String professionalName, CandidateStatus status,
                         String rejectionReason) {
}
