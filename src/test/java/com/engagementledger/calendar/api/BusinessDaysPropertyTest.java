package com.engagementledger.calendar.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
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
 * the days between gives the count, and counts add up. The replacement SLA and overlap rest on these (ADR 0026), and
 * year ends, where holidays cluster around a weekend, get days and calendars of their own.
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

    @Property
    void zeroBusinessDaysAfterADayIsThatDay(@ForAll("days") LocalDate from, @ForAll("calendars") BusinessDays calendar) {
        assertThat(calendar.plus(from, 0)).isEqualTo(from);
    }

    @Property
    void moreBusinessDaysLandStrictlyLater(@ForAll("yearEnds") LocalDate from,
            @ForAll("yearEndCalendars") BusinessDays calendar, @ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 60) int more) {
        assertThat(calendar.plus(from, n + more)).isAfter(calendar.plus(from, n));
    }

    @Property
    void aLaterStartNeverLandsEarlier(@ForAll("yearEnds") LocalDate from, @ForAll @IntRange(min = 0, max = 20) int later,
            @ForAll("yearEndCalendars") BusinessDays calendar, @ForAll @IntRange(min = 0, max = 30) int n) {
        assertThat(calendar.plus(from.plusDays(later), n)).isAfterOrEqualTo(calendar.plus(from, n));
    }

    @Property
    void theNthBusinessDayAtAYearEndSkipsItsHolidaysAndCountsBackToN(@ForAll("yearEnds") LocalDate from,
            @ForAll("yearEndCalendars") BusinessDays calendar, @ForAll @IntRange(min = 1, max = 30) int n) {
        LocalDate deadline = calendar.plus(from, n);
        assertThat(calendar.isBusinessDay(deadline)).isTrue();
        assertThat(calendar.holidays()).doesNotContain(deadline);
        assertThat(calendar.between(from, deadline)).isEqualTo(n);
    }

    @Property
    void countingToADayAndAddingTheCountBackLandsOnItsLastBusinessDay(@ForAll("yearEnds") LocalDate from,
            @ForAll @IntRange(min = 0, max = 60) int span, @ForAll("yearEndCalendars") BusinessDays calendar) {
        LocalDate to = from.plusDays(span);
        LocalDate landed = calendar.plus(from, calendar.between(from, to));
        assertThat(landed).isBeforeOrEqualTo(to);
        for (LocalDate day = landed.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            assertThat(calendar.isBusinessDay(day)).as("%s lies between %s and %s", day, landed, to).isFalse();
        }
        if (span > 0 && calendar.isBusinessDay(to)) {
            assertThat(landed).isEqualTo(to);
        }
    }

    @Property
    void countsGrowWithTheEndDayAndNeverExceedTheDays(@ForAll("yearEnds") LocalDate from,
            @ForAll @IntRange(min = 0, max = 60) int span, @ForAll @IntRange(min = 0, max = 10) int further,
            @ForAll("yearEndCalendars") BusinessDays calendar) {
        int count = calendar.between(from, from.plusDays(span));
        assertThat(count).isBetween(0, span);
        assertThat(calendar.between(from, from.plusDays(span + further))).isGreaterThanOrEqualTo(count);
    }

    @Property
    void nothingIsCountedUpToADayThatIsNotLater(@ForAll("days") LocalDate from,
            @ForAll @IntRange(min = 0, max = 400) int back, @ForAll("calendars") BusinessDays calendar) {
        assertThat(calendar.between(from, from.minusDays(back))).isZero();
    }

    @Property
    void aHolidayNeverBringsADeadlineForward(@ForAll("yearEnds") LocalDate from,
            @ForAll("yearEnds") LocalDate holiday, @ForAll("yearEndCalendars") BusinessDays calendar,
            @ForAll @IntRange(min = 0, max = 30) int n) {
        Set<LocalDate> more = new HashSet<>(calendar.holidays());
        more.add(holiday);
        assertThat(BusinessDays.withHolidays(more).plus(from, n)).isAfterOrEqualTo(calendar.plus(from, n));
    }

    @Property
    void weekendsAreNeverBusinessDays(@ForAll("days") LocalDate day, @ForAll("calendars") BusinessDays calendar) {
        if (day.getDayOfWeek().getValue() >= 6) {
            assertThat(calendar.isBusinessDay(day)).isFalse();
        }
    }

    /** Days from mid-December to mid-January of any year from 2000 to 2060. */
    @Provide
    Arbitrary<LocalDate> yearEnds() {
        return Arbitraries.integers().between(2000, 2060).flatMap(year -> Arbitraries.integers().between(-20, 20)
                .map(offset -> LocalDate.of(year, 1, 1).plusDays(offset)));
    }

    /**
     * Christmas Eve and Day, Boxing Day, New Year's Eve and Day and Epiphany of every year, so that several fall on
     * one weekend now and then, plus up to five days at random around a year end.
     */
    @Provide
    Arbitrary<BusinessDays> yearEndCalendars() {
        Set<LocalDate> yearEnds = new HashSet<>();
        for (int year = 1999; year <= 2060; year++) {
            yearEnds.addAll(List.of(LocalDate.of(year, 12, 24), LocalDate.of(year, 12, 25),
                    LocalDate.of(year, 12, 26), LocalDate.of(year, 12, 31), LocalDate.of(year + 1, 1, 1),
                    LocalDate.of(year + 1, 1, 6)));
        }
        return yearEnds().set().ofMaxSize(5).map(extra -> {
            Set<LocalDate> holidays = new HashSet<>(yearEnds);
            holidays.addAll(extra);
            return BusinessDays.withHolidays(holidays);
        });
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
