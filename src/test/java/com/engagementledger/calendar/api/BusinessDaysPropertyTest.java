package com.engagementledger.calendar.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Business-day arithmetic over any start day and any holiday list: deadlines land on business days, counting back
 * the days between gives the count, and counts add up.
 */
class BusinessDaysPropertyTest {

    @Property
    void theNthBusinessDayAfterADayIsABusinessDayAndCountsBackToN(@ForAll("days") LocalDate from,
            @ForAll("calendars") BusinessDays calendar, @ForAll @IntRange(min = 1, max = 300) int n) {
        LocalDate deadline = calendar.plus(from, n);
        assertThat(calendar.isBusinessDay(deadline)).isTrue();
        assertThat(calendar.between(from, deadline)).isEqualTo(n);
        assertThat(calendar.between(from, deadline.minusDays(1))).isEqualTo(n - 1);
    }

    @Property
    void addingBusinessDaysInTwoStepsLandsWhereOneStepDoes(@ForAll("days") LocalDate from,
            @ForAll("calendars") BusinessDays calendar, @ForAll @IntRange(min = 0, max = 100) int n,
            @ForAll @IntRange(min = 0, max = 100) int m) {
        assertThat(calendar.plus(calendar.plus(from, n), m)).isEqualTo(calendar.plus(from, n + m));
    }

    @Property
    void countsBetweenDaysAddUp(@ForAll("days") LocalDate a, @ForAll @IntRange(min = 0, max = 400) int toB,
            @ForAll @IntRange(min = 0, max = 400) int toC, @ForAll("calendars") BusinessDays calendar) {
        LocalDate b = a.plusDays(toB);
        LocalDate c = b.plusDays(toC);
        assertThat(calendar.between(a, b) + calendar.between(b, c)).isEqualTo(calendar.between(a, c));
    }

    @Property
    void aFullWeekWithoutHolidaysHasFiveBusinessDays(@ForAll("days") LocalDate from) {
        assertThat(BusinessDays.withHolidays(Set.of()).between(from, from.plusDays(7))).isEqualTo(5);
    }

    @Property
    void aHolidayIsNeverABusinessDay(@ForAll("days") LocalDate holiday) {
        assertThat(BusinessDays.withHolidays(List.of(holiday)).isBusinessDay(holiday)).isFalse();
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 50).map(offset -> LocalDate.of(2000, 1, 1).plusDays(offset));
    }

    @Provide
    Arbitrary<BusinessDays> calendars() {
        return days().set().ofMaxSize(200).map(BusinessDays::withHolidays);
    }
}
