package com.engagementledger.replacement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A professional proposed for the seat.
 */
public record ProposeCandidateRequest(@NotBlank @Size(min = 1, max = 200) String professionalId,
                                      @NotBlank @Size(min = 1, max = 200) String professionalName) {
}
