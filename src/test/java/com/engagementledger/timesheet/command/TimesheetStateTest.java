package com.engagementledger.timesheet.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.timesheet.api.TimesheetApproved;
import com.engagementledger.timesheet.api.TimesheetCorrected;
import com.engagementledger.timesheet.api.TimesheetSubmitted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What billing reads of a timesheet (the hours last approved or corrected, nothing before approval), and its fields
 * as the audit's state as of an instant shows them.
 */
class TimesheetStateTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 2, 2);

    @Test
    void billingReadsTheHoursOnlyOnceApprovedAndThenAsCorrected() {
        Timesheet timesheet = new Timesheet();
        timesheet.on(submitted());
        assertThat(timesheet.approvedHours()).isEmpty();
        timesheet.on(new TimesheetApproved("ts-1", "eng-1", "seat-1", "2026-W06", hours("8.00"), MONDAY.plusDays(3),
                false));
        assertThat(timesheet.approvedHours()).containsEntry(MONDAY, new BigDecimal("8.00"));
        timesheet.on(new TimesheetCorrected("ts-1", "eng-1", "seat-1", "2026-W06", hours("6.50"), hours("8.00"),
                "typo", MONDAY.plusDays(5)));
        assertThat(timesheet.approvedHours()).containsEntry(MONDAY, new BigDecimal("6.50"));
    }

    @Test
    void itsFieldsSerializeForTheAudit() {
        Timesheet timesheet = new Timesheet();
        timesheet.on(submitted());
        JsonNode state = new ObjectMapper().registerModule(new JavaTimeModule()).valueToTree(timesheet);
        assertThat(state.get("timesheetId").asText()).isEqualTo("ts-1");
        assertThat(state.get("status").asText()).isEqualTo("SUBMITTED");
    }

    private static TimesheetSubmitted submitted() {
        return new TimesheetSubmitted("ts-1", "eng-1", "seat-1", "2026-W06", "Pacific/Auckland", hours("8.00"),
                new BigDecimal("8.00"), List.of(MONDAY), MONDAY.plusDays(3), MONDAY.plusDays(10));
    }

    private static TreeMap<LocalDate, BigDecimal> hours(String monday) {
        TreeMap<LocalDate, BigDecimal> hours = new TreeMap<>();
        hours.put(MONDAY, new BigDecimal(monday));
        return hours;
    }
}
