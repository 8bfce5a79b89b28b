package com.engagementledger.timesheet.api;

import com.engagementledger.platform.api.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The hours of one seat's week (DESIGN.md §3, Timesheets): per day of that week, 0 to 24 in quarter hours, and
 * more than 0 only on a day the engagement's calendar bills the seat and that is not after today. The engagement
 * checks a submission with it, the timesheet a resubmission and a correction, against the days billed when the
 * week was submitted.
 */
public final class TimesheetHours {

    static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    private TimesheetHours() {
    }

    /**
     * @return the hours by day, each with two decimals, in day order
     */
    public static SortedMap<LocalDate, BigDecimal> check(Map<LocalDate, BigDecimal> hours, IsoWeek week,
                                                         Set<LocalDate> billedDays, LocalDate today) {
        if (hours == null) {
            throw RuleViolation.invalid("hours", "required", "hours: must not be null");
        }
        if (hours.keySet().stream().anyMatch(Objects::isNull)) {
            throw RuleViolation.invalid("hours", "date", "every key of hours is a day, YYYY-MM-DD");
        }
        SortedMap<LocalDate, BigDecimal> checked = new TreeMap<>();
        for (Map.Entry<LocalDate, BigDecimal> entry : new TreeMap<>(hours).entrySet()) {
            LocalDate day = entry.getKey();
            String field = "hours." + day;
            BigDecimal value = entry.getValue();
            if (!week.contains(day)) {
                throw RuleViolation.invalid(field, "in-week", day + " is not in week " + week + " (" + week.monday()
                        + " to " + week.sunday() + ")");
            }
            if (value == null) {
                throw RuleViolation.invalid(field, "required", field + ": must not be null");
            }
            if (value.signum() < 0 || value.compareTo(MAX_HOURS) > 0) {
                throw RuleViolation.invalid(field, "range", "hours a day lie between 0 and 24, not "
                        + value.toPlainString());
            }
            if (value.remainder(QUARTER).signum() != 0) {
                throw RuleViolation.invalid(field, "quarter-hours", "hours are counted in quarter hours (0.25), not "
                        + value.toPlainString());
            }
            if (value.signum() > 0 && day.isAfter(today)) {
                throw RuleViolation.invalid(field, "future-day", day + " is after today (" + today
                        + "); hours are recorded once worked");
            }
            if (value.signum() > 0 && !billedDays.contains(day)) {
                throw RuleViolation.invalid(field, "billed-day", "the seat is not billed on " + day
                        + " (before its start, after its end, or paused); no hours can be recorded for it");
            }
            checked.put(day, value.setScale(2));
        }
        return checked;
    }
}
