package com.engagementledger.replacement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who pays for a replacement (DESIGN.md §3): the default 90-day window from the seat's start and 2 free replacements
 * per seat. The seat starts on 2025-01-06, so its window runs until 2025-04-05.
 */
class GuaranteeEligibilityTest {

    private static final GuaranteeEligibility DEFAULTS = new GuaranteeEligibility(90, 2);
    private static final LocalDate SEAT_START = LocalDate.parse("2025-01-06");

    @Test
    void windowCountsTheSeatsFirstDay() {
        assertThat(DEFAULTS.guaranteeEndsOn(SEAT_START)).isEqualTo(LocalDate.parse("2025-04-05"));
        assertThat(new GuaranteeEligibility(1, 2).guaranteeEndsOn(SEAT_START)).isEqualTo(SEAT_START);
        assertThat(new GuaranteeEligibility(0, 2).guaranteeEndsOn(SEAT_START)).isEqualTo(SEAT_START.minusDays(1));
    }

    @Test
    void attritionIsFreeAndUsesNoFreeReplacementEvenAfterTheWindowWithNoneLeft() {
        EligibilityDecision decision = DEFAULTS.decide(ReplacementReason.ATTRITION, SEAT_START,
                LocalDate.parse("2026-01-01"), 2);
        assertThat(decision.eligibility()).isEqualTo(Eligibility.FREE);
        assertThat(decision.usesFreeReplacement()).isFalse();
        assertThat(decision.reason()).startsWith("attrition");
    }

    @ParameterizedTest
    @EnumSource(value = ReplacementReason.class, names = {"NON_PERFORMANCE", "CLIENT_REQUEST"})
    void requestOnTheWindowsLastDayIsFreeAndUsesOneFreeReplacement(ReplacementReason reason) {
        EligibilityDecision decision = DEFAULTS.decide(reason, SEAT_START, LocalDate.parse("2025-04-05"), 1);
        assertThat(decision).isEqualTo(new EligibilityDecision(Eligibility.FREE, "requested on day 90 of the seat's "
                + "90-day guarantee window (until 2025-04-05), with 1 of 2 free replacements left", true));
    }

    @ParameterizedTest
    @EnumSource(value = ReplacementReason.class, names = {"NON_PERFORMANCE", "CLIENT_REQUEST"})
    void replacementAfterTheWindowIsBillable(ReplacementReason reason) {
        EligibilityDecision decision = DEFAULTS.decide(reason, SEAT_START, LocalDate.parse("2025-04-06"), 0);
        assertThat(decision).isEqualTo(new EligibilityDecision(Eligibility.BILLABLE, "requested on day 91 of the "
                + "seat, after its 90-day guarantee window (from 2025-01-06 to 2025-04-05)", false));
    }

    @Test
    void replacementInsideTheWindowWithNoFreeReplacementLeftIsBillable() {
        EligibilityDecision decision = DEFAULTS.decide(ReplacementReason.NON_PERFORMANCE, SEAT_START,
                LocalDate.parse("2025-02-01"), 2);
        assertThat(decision).isEqualTo(new EligibilityDecision(Eligibility.BILLABLE,
                "no free replacement left on the seat: 2 of 2 used", false));
    }

    @Test
    void windowIsCheckedBeforeTheQuota() {
        assertThat(DEFAULTS.decide(ReplacementReason.CLIENT_REQUEST, SEAT_START, LocalDate.parse("2025-05-01"), 2)
                .reason()).contains("after its 90-day guarantee window");
    }

    @Test
    void noWindowMakesEveryReplacementButAttritionBillable() {
        GuaranteeEligibility none = new GuaranteeEligibility(0, 2);
        assertThat(none.decide(ReplacementReason.NON_PERFORMANCE, SEAT_START, SEAT_START, 0).eligibility())
                .isEqualTo(Eligibility.BILLABLE);
        assertThat(none.decide(ReplacementReason.ATTRITION, SEAT_START, SEAT_START, 0).eligibility())
                .isEqualTo(Eligibility.FREE);
    }

    @Test
    void windowAndQuotaAreNeverNegative() {
        assertThatThrownBy(() -> new GuaranteeEligibility(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuaranteeEligibility(90, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
