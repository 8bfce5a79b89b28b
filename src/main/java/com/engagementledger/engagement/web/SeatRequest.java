package com.engagementledger.engagement.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A seat to propose or add: who fills it, at what rate (per hour or per month, by the billing model), from when.
 */
public record SeatRequest(
        @NotBlank @Size(min = 1, max = 200) String professionalId,
        @NotBlank @Size(min = 1, max = 200) String professionalName,
        @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal rate,
        @NotNull LocalDate startDate) {
}
