package com.engagementledger.invoicing.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment taken back by the client's bank: at most what it has paid and kept; reopens the balance.
 */
public record ChargebackRequest(
        @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate date,
        @NotBlank @Size(min = 1, max = 2000) String reason) {
}
