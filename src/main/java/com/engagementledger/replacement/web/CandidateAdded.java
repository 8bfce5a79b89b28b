package com.engagementledger.replacement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The answer to a proposed candidate: the replacement's id, the candidate's id (to accept or reject them by) and the
 * replacement's version after it.
 */
public record CandidateAdded(@Schema(requiredMode = RequiredMode.REQUIRED) String replacementId,
                             @Schema(requiredMode = RequiredMode.REQUIRED) String candidateId,
                             @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
}
