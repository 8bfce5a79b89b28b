package com.engagementledger.engagement.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new rate from a day on, for one seat or, without {@code seatId}, for every seat billed that day.
 */
public record RateChangeRequest(
        @Size(max = 200) String seatId,
        @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal newRate,
        @NotNull LocalDate effectiveDate,
        @NotBlank @Size(min = 1, max = 2000) String reason) {
}
