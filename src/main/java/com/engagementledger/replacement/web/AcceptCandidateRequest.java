package com.engagementledger.replacement.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The incoming professional's first day in the seat: the overlap runs from it.
 */
public record AcceptCandidateRequest(@NotNull LocalDate startDate) {
}
