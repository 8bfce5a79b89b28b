package com.engagementledger.timesheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.timesheet.api.IsoWeek;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.WebDataBinder;

/**
 * A form's hours never silently mean a week of zeros: a correction or a resubmission sent without hours, or with
 * only some days, is refused on each missing day (the hostile tester's POST with only a reason stored 0 h on every
 * day of an approved week; a bare {@code hours=4} zeroed six days); an empty day is 0 only on the entry form.
 */
class TimesheetHoursTest {

    private static final IsoWeek WEEK = IsoWeek.parse("week", "2027-W11");

    @Test
    void aCorrectionWithoutHoursIsRefusedOnEveryDay() {
        TimesheetForm form = bound("reason", "typo");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "correct");
        Map<String, BigDecimal> hours = TimesheetPages.hours(form, WEEK, errors, false);
        assertThat(hours).isEmpty();
        for (int day = 0; day < 7; day++) {
            assertThat(errors.getFieldError("hours[" + day + "]").getDefaultMessage())
                    .isEqualTo(TimesheetPages.MISSING_HOURS);
        }
    }

    @Test
    void aBareHoursParameterDoesNotZeroTheOtherDays() {
        TimesheetForm form = bound("hours", "4", "reason", "typo");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "correct");
        TimesheetPages.hours(form, WEEK, errors, false);
        assertThat(errors.getFieldErrorCount()).isGreaterThanOrEqualTo(6);
        for (int day = 1; day < 7; day++) {
            assertThat(errors.hasFieldErrors("hours[" + day + "]")).as("day " + day).isTrue();
        }
    }

    @Test
    void anEmptyDayIsAMistakeOnACorrectionButZeroOnTheEntryForm() {
        String[] sent = {"hours[0]", "8", "hours[1]", "8", "hours[2]", "", "hours[3]", "8", "hours[4]", "8",
            "hours[5]", "0", "hours[6]", "0"};
        BeanPropertyBindingResult correction = new BeanPropertyBindingResult(bound(sent), "correct");
        TimesheetPages.hours((TimesheetForm) correction.getTarget(), WEEK, correction, false);
        assertThat(correction.getFieldErrorCount()).isEqualTo(1);
        assertThat(correction.getFieldError("hours[2]").getDefaultMessage()).isEqualTo(TimesheetPages.MISSING_HOURS);

        BeanPropertyBindingResult entry = new BeanPropertyBindingResult(bound(sent), "entry");
        Map<String, BigDecimal> hours = TimesheetPages.hours((TimesheetForm) entry.getTarget(), WEEK, entry, true);
        assertThat(entry.hasErrors()).isFalse();
        assertThat(hours).containsOnlyKeys("2027-03-15", "2027-03-16", "2027-03-18", "2027-03-19", "2027-03-20",
                "2027-03-21");
    }

    @Test
    void theEntryFormStillRefusesDaysItDidNotSend() {
        BeanPropertyBindingResult entry = new BeanPropertyBindingResult(bound("hours[0]", "8"), "entry");
        TimesheetPages.hours((TimesheetForm) entry.getTarget(), WEEK, entry, true);
        assertThat(entry.getFieldErrorCount()).isEqualTo(6);
    }

    @Test
    void hoursInOtherNotationsAreRefusedWithAnHoursExample() {
        String[] sent = {"hours[0]", "1e1", "hours[1]", "８", "hours[2]", "8", "hours[3]", "8", "hours[4]", "8",
            "hours[5]", "0", "hours[6]", "0"};
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(bound(sent), "correct");
        TimesheetPages.hours((TimesheetForm) errors.getTarget(), WEEK, errors, false);
        assertThat(errors.getFieldError("hours[0]").getDefaultMessage()).isEqualTo("must be a number such as 7.5");
        assertThat(errors.getFieldError("hours[1]").getDefaultMessage()).isEqualTo("must be a number such as 7.5");
    }

    /** The form as Spring MVC binds the request's parameters to it. */
    private static TimesheetForm bound(String... parameters) {
        TimesheetForm form = new TimesheetForm();
        WebDataBinder binder = new WebDataBinder(form, "form");
        MutablePropertyValues values = new MutablePropertyValues();
        List<String> pairs = new ArrayList<>(Arrays.asList(parameters));
        for (int i = 0; i < pairs.size(); i += 2) {
            values.add(pairs.get(i), pairs.get(i + 1));
        }
        binder.bind(values);
        return form;
    }
}
