package com.engagementledger.calendar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 18);
    private final BusinessDays christmas = BusinessDays.withHolidays(
            List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

    @Test
    void weekendsAreSkipped() {
        assertThat(BusinessDays.withHolidays(List.of()).plus(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 12, 21));
    }

    @Test
    void aReplacementSlaOfFiveBusinessDaysSkipsTheConfiguredHolidays() {
        // Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 holiday, weekend), Mon 28
        assertThat(christmas.plus(FRIDAY, 5)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(christmas.between(FRIDAY, LocalDate.of(2026, 12, 31))).isEqualTo(8);
    }

    @Test
    void zeroBusinessDaysAfterADayIsThatDay() {
        assertThat(christmas.plus(LocalDate.of(2026, 12, 25), 0)).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(christmas.between(FRIDAY, FRIDAY)).isZero();
        assertThat(christmas.between(FRIDAY, FRIDAY.minusDays(3))).isZero();
    }

    @Test
    void countingBackwardsIsAProgrammingError() {
        assertThatThrownBy(() -> christmas.plus(FRIDAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
