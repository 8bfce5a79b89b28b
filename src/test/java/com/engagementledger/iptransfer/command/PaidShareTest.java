package com.engagementledger.iptransfer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaidShareTest {

    @Test
    void fortyPercentReadsZeroPointFourWithoutTrailingZeros() {
        assertThat(PaidShare.of(new BigDecimal("400.00"), new BigDecimal("1000.00"))).isEqualTo(new BigDecimal("0.4"));
    }

    @Test
    void aThirdIsRoundedDownAtTenPlaces() {
        assertThat(PaidShare.of(new BigDecimal("1.00"), new BigDecimal("3.00")))
                .isEqualTo(new BigDecimal("0.3333333333"));
        assertThat(PaidShare.of(new BigDecimal("2.00"), new BigDecimal("3.00")))
                .isEqualTo(new BigDecimal("0.6666666666"));
    }

    @Test
    void aShareNeverReadsOneBeforeItIsPaidFor() {
        BigDecimal almost = PaidShare.of(new BigDecimal("999999999.99"), new BigDecimal("1000000000.00"));
        assertThat(almost).isLessThan(BigDecimal.ONE).isEqualTo(new BigDecimal("0.9999999999"));
    }

    @Test
    void aTinyShareRoundsDownToZero() {
        assertThat(PaidShare.of(new BigDecimal("0.01"), new BigDecimal("1000000000000.00")))
                .isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void clampedToZeroAndOneAndOneWhenNothingIsDue() {
        assertThat(PaidShare.of(new BigDecimal("0.00"), new BigDecimal("1000.00"))).isEqualTo(BigDecimal.ZERO);
        assertThat(PaidShare.of(new BigDecimal("-10.00"), new BigDecimal("1000.00"))).isEqualTo(BigDecimal.ZERO);
        assertThat(PaidShare.of(new BigDecimal("1000.00"), new BigDecimal("1000.00"))).isEqualTo(BigDecimal.ONE);
        assertThat(PaidShare.of(new BigDecimal("1200.00"), new BigDecimal("1000.00"))).isEqualTo(BigDecimal.ONE);
        assertThat(PaidShare.of(new BigDecimal("0.00"), new BigDecimal("0.00"))).isEqualTo(BigDecimal.ONE);
    }
}
