package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A seat's rate from {@code effectiveDate} on, until a later step.
 */
public record RateStep(LocalDate effectiveDate, BigDecimal rate) {
}
