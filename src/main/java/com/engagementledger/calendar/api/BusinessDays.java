package com.engagementledger.calendar.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Business days: every day but Saturdays, Sundays and the configured holidays ({@code ledger.holidays}). Counting
 * is "after a day, up to and including another" ({@code (from, to]}), so that a deadline {@code n} business days
 * after a request is {@link #plus}{@code (request, n)} and {@link #between}{@code (request, deadline)} is {@code n}.
 */
public record BusinessDays(Set<LocalDate> holidays) {

    public BusinessDays {
        holidays = Set.copyOf(holidays);
    }

    public static BusinessDays withHolidays(Collection<LocalDate> holidays) {
        return new BusinessDays(Set.copyOf(holidays));
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}-th business day after {@code from} ({@code from} itself when {@code n} is 0). */
    public LocalDate plus(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count forwards: " + n + " business days");
        }
        LocalDate day = from;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** How many business days lie after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }
}
