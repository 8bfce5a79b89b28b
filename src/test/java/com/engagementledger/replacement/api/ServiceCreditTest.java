package com.engagementledger.replacement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementledger.engagement.api.BillingModel;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * The service credit of DESIGN.md §3: one day's rate per business day late, 8 × the hourly rate or the monthly rate
 * × 12 ÷ 260, computed exactly and rounded once, {@code HALF_UP}, to the currency's minor unit.
 */
class ServiceCreditTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void hourlySeatCreditIsEightHoursADay() {
        assertThat(ServiceCredit.amount(BillingModel.HOURLY, new BigDecimal("95.50"), 3, EUR))
                .isEqualByComparingTo("2292.00").hasScaleOf(2);
    }

    @Test
    void monthlySeatCreditIsTheMonthlyRateTimesTwelveOverTwoHundredSixty() {
        // 8000 × 12 × 3 ÷ 260 = 1107.6923...
        assertThat(ServiceCredit.amount(BillingModel.MONTHLY, new BigDecimal("8000.00"), 3, EUR))
                .isEqualTo(new BigDecimal("1107.69"));
    }

    @Test
    void monthlyCreditIsRoundedOnceNotPerDay() {
        // 7 × 8000 × 12 ÷ 260 = 2584.615... → 2584.62, where 7 rounded days (7 × 369.23) would make 2584.61
        assertThat(ServiceCredit.amount(BillingModel.MONTHLY, new BigDecimal("8000"), 7, EUR))
                .isEqualTo(new BigDecimal("2584.62"));
    }

    @Test
    void halfACentRoundsUp() {
        // 0.000625 × 8 = 0.005 exactly
        assertThat(ServiceCredit.amount(BillingModel.HOURLY, new BigDecimal("0.000625"), 1, EUR))
                .isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void yenHasNoMinorUnit() {
        assertThat(ServiceCredit.amount(BillingModel.MONTHLY, new BigDecimal("1000000"), 3,
                Currency.getInstance("JPY"))).isEqualTo(new BigDecimal("138462"));
    }

    @Test
    void dinarHasThreeDecimals() {
        assertThat(ServiceCredit.amount(BillingModel.MONTHLY, new BigDecimal("1000.005"), 3,
                Currency.getInstance("KWD"))).isEqualTo(new BigDecimal("138.462"));
    }

    @Test
    void noDayLateIsNoCredit() {
        assertThat(ServiceCredit.amount(BillingModel.MONTHLY, new BigDecimal("8000.00"), 0, EUR))
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void daysLateAreNeverNegative() {
        assertThatThrownBy(() -> ServiceCredit.amount(BillingModel.HOURLY, BigDecimal.TEN, -1, EUR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
