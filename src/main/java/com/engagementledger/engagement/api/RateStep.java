package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A seat's rate from {@code effectiveDate} on, until a later step.
 *
 * @param rateChangeId the scheduled rate change that set this step; null for the rate the seat started with
 */
public record RateStep(LocalDate effectiveDate, BigDecimal rate, String rateChangeId) {

    /** The rate a seat starts with: no rate change set it, so nothing can withdraw it. */
    public static RateStep initial(LocalDate effectiveDate, BigDecimal rate) {
        return new RateStep(effectiveDate, rate, null);
    }
}
