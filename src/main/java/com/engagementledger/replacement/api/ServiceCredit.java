package com.engagementledger.replacement.api;

import com.engagementledger.engagement.api.BillingModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The service credit for a missed SLA (DESIGN.md §3): one day's rate per business day late, where a day's rate is
 * 8 × the hourly rate of an hourly seat and the monthly rate × 12 ÷ 260 of a monthly seat. Computed exactly and
 * rounded once, {@code HALF_UP}, to the currency's minor unit.
 */
public final class ServiceCredit {

    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(8);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal WORKING_DAYS_PER_YEAR = BigDecimal.valueOf(260);

    private ServiceCredit() {
    }

    public static BigDecimal amount(BillingModel model, BigDecimal seatRate, int businessDaysLate, Currency currency) {
        if (businessDaysLate < 0) {
            throw new IllegalArgumentException("days late are never negative: " + businessDaysLate);
        }
        BigDecimal days = BigDecimal.valueOf(businessDaysLate);
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal exact = switch (model) {
            case HOURLY -> seatRate.multiply(HOURS_PER_DAY).multiply(days);
            case MONTHLY -> seatRate.multiply(MONTHS_PER_YEAR).multiply(days);
        };
        return model == BillingModel.MONTHLY
                ? exact.divide(WORKING_DAYS_PER_YEAR, scale, RoundingMode.HALF_UP)
                : exact.setScale(scale, RoundingMode.HALF_UP);
    }
}
