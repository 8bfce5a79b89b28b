package com.engagementledger.timesheet.api;

import com.engagementledger.platform.api.RuleViolation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week, {@code YYYY-Www}: Monday to Sunday, week 1 the one with the year's first Thursday, so a week
 * can lie across two months or two years.
 */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static IsoWeek parse(String field, String text) {
        if (text == null) {
            throw RuleViolation.invalid(field, "required", field + ": must not be null");
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw RuleViolation.invalid(field, "week", "'" + text + "' is not an ISO week (YYYY-Www, e.g. 2026-W05)");
        }
        int year = Integer.parseInt(matcher.group(1));
        int week = Integer.parseInt(matcher.group(2));
        // 28 December always lies in the year's last ISO week
        int weeks = LocalDate.of(Math.max(year, 1), 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (year < 1 || week < 1 || week > weeks) {
            throw RuleViolation.invalid(field, "week", "'" + text + "' is not an ISO week: " + year + " has weeks 1 to "
                    + weeks);
        }
        return new IsoWeek(year, week);
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public List<LocalDate> days() {
        return monday().datesUntil(monday().plusDays(7)).toList();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday()) && !day.isAfter(sunday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
