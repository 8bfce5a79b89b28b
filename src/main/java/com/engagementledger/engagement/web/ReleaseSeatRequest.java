package com.engagementledger.engagement.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The first day the seat is no longer billed.
 */
public record ReleaseSeatRequest(@NotNull LocalDate releaseDate) {
}
