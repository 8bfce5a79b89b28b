package com.engagementledger.invoicing.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment received: in the invoice's currency, at most its balance, on a day from its issue date to today.
 *
 * @param reference the bank's or the client's reference, to reconcile by; optional
 */
public record PaymentRequest(
        @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull LocalDate date,
        @Size(max = 200) String reference) {
}
