package com.engagementledger.replacement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why the candidate was turned down; required, since the next candidate is looked for with it in mind.
 */
public record RejectCandidateRequest(@NotBlank @Size(min = 1, max = 2000) String reason) {
}
