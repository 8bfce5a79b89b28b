package com.engagementledger.timesheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A week's page offers the decisions its status allows (DESIGN.md §3: {@code SUBMITTED → APPROVED | DISPUTED}, a
 * disputed week resubmitted, an approved one corrected), and its hour fields are the week's seven days.
 */
class TimesheetActionTest {

    @Test
    void eachStatusOffersItsDecisions() {
        assertThat(TimesheetAction.offered(week(TimesheetStatus.SUBMITTED)))
                .containsExactly(TimesheetAction.APPROVE, TimesheetAction.DISPUTE);
        assertThat(TimesheetAction.offered(week(TimesheetStatus.DISPUTED))).containsExactly(TimesheetAction.RESUBMIT);
        assertThat(TimesheetAction.offered(week(TimesheetStatus.APPROVED))).containsExactly(TimesheetAction.CORRECT);
    }

    @Test
    void theHourFormsNameTheWeeksDays() {
        assertThat(TimesheetAction.CORRECT.fields()).containsExactly("hours[0]", "hours[1]", "hours[2]", "hours[3]",
                "hours[4]", "hours[5]", "hours[6]", "reason");
        assertThat(TimesheetAction.RESUBMIT.hasHours()).isTrue();
        assertThat(TimesheetAction.DISPUTE.fields()).containsExactly("reason");
        assertThat(TimesheetAction.RESUBMIT.managerOnly()).isTrue();
        assertThat(TimesheetAction.APPROVE.managerOnly()).isFalse();
    }

    private static TimesheetView week(TimesheetStatus status) {
        return new TimesheetView("ts-1", "e-1", "s-1", "2035-W10", status, new TreeMap<>(), BigDecimal.ZERO,
                Instant.parse("2035-03-05T09:00:00Z"), 1, null, null, null, null, null, List.of(), 1);
    }
}
