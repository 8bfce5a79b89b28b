package com.engagementledger.timesheet.web;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.web.Echo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of a request's {@code hours}: days written {@code YYYY-MM-DD} and nothing else, a 422 naming the key
 * otherwise. The timesheet's rules (days of the week, 0 to 24 in quarter hours, billed days) are the command side's.
 */
final class TimesheetDays {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TimesheetDays() {
    }

    static Map<LocalDate, BigDecimal> of(Map<String, BigDecimal> hours) {
        if (hours == null) {
            return null;
        }
        Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> entry : hours.entrySet()) {
            LocalDate day = day(entry.getKey());
            if (days.put(day, entry.getValue()) != null) {
                throw RuleViolation.invalid("hours", "duplicate-day", day + " is given twice");
            }
        }
        return days;
    }

    private static LocalDate day(String key) {
        String field = "hours." + Echo.value(key);
        if (key == null || !ISO_DATE.matcher(key).matches()) {
            throw RuleViolation.invalid(field, "date", "every key of hours is a day, YYYY-MM-DD, not '"
                    + Echo.value(key) + "'");
        }
        try {
            return LocalDate.parse(key, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(field, "date", "'" + key + "' is no day of the calendar");
        }
    }
}
