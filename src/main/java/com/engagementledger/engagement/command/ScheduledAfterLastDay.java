package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.PausePeriod;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatCalendar;
import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notice with a last day is refused while anything is scheduled after that day: a seat starting, a rate change
 * taking effect, a pause starting or a resume taking effect. One refusal names every blocker, so that the caller
 * can withdraw them all before trying again (a pause with its resume: the resume first, then the pause). A rate change from on or after its seat's release never applies and
 * does not block.
 */
final class ScheduledAfterLastDay {

    private ScheduledAfterLastDay() {
    }

    static void check(SeatCalendar calendar, LocalDate lastDay) {
        List<String> blockers = new ArrayList<>();
        calendar.seats().stream()
                .filter(seat -> seat.startDate().isAfter(lastDay))
                .forEach(seat -> blockers.add("seat " + seat.seatId() + " (" + seat.lastHolder().professionalName()
                        + ") starting " + seat.startDate() + " (release it on its start date to withdraw it)"));
        Map<String, LocalDate> rateChanges = new LinkedHashMap<>();
        for (CalendarSeat seat : calendar.seats()) {
            for (RateStep step : seat.rates().scheduledAfter(lastDay)) {
                if (step.rateChangeId() != null && seat.billableFrom(step.effectiveDate())) {
                    rateChanges.merge(step.rateChangeId(), step.effectiveDate(),
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        rateChanges.forEach((id, effective) -> blockers.add("rate change " + id + " effective " + effective));
        for (PausePeriod pause : calendar.pauses()) {
            // a resume is withdrawn before its pause, so it is named first
            if (pause.until() != null && pause.until().isAfter(lastDay)) {
                blockers.add("a resume on " + pause.until());
            }
            if (pause.from().isAfter(lastDay)) {
                blockers.add("a pause from " + pause.from());
            }
        }
        if (!blockers.isEmpty()) {
            throw RuleViolation.illegalState("scheduled-after-last-day", "Scheduled after the last day " + lastDay
                    + ": " + String.join("; ", blockers) + ". Withdraw "
                    + (blockers.size() == 1 ? "it" : "them") + " first");
        }
    }
}
