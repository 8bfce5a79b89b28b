package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.CalendarSeat;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A rate change takes effect no earlier than the rate-change notice after it is announced, needs a reason, and
 * cannot take effect after the engagement's last day. On a seat it neither replaces another rate change of the same
 * day (which would be lost, and withdrawing either would leave neither) nor restates the rate already in effect.
 */
final class RateChangePolicy {

    private RateChangePolicy() {
    }

    static void check(LocalDate announcedOn, LocalDate effectiveDate, String reason, EngagementTerms terms,
                      LocalDate lastDay) {
        if (PlainText.isBlank(reason)) {
            throw RuleViolation.invalid("reason", "reason-required", "a rate change needs a reason");
        }
        if (effectiveDate == null) {
            throw RuleViolation.invalid("effectiveDate", "required", "effectiveDate: must not be null");
        }
        PlausibleDates.check("effectiveDate", effectiveDate);
        LocalDate earliest = announcedOn.plusDays(terms.rateChangeNoticeDays());
        if (effectiveDate.isBefore(earliest)) {
            throw RuleViolation.invalid("effectiveDate", "rate-change-notice", "a rate change announced on "
                    + announcedOn + " takes effect no earlier than " + earliest + " ("
                    + terms.rateChangeNoticeDays() + " days' notice), not " + effectiveDate);
        }
        if (lastDay != null && effectiveDate.isAfter(lastDay)) {
            throw RuleViolation.invalid("effectiveDate", "after-last-day", "the engagement's last day is "
                    + lastDay + "; a rate change from " + effectiveDate + " would never apply");
        }
    }

    /**
     * The seats whose rate actually changes: a seat that already has a rate change that day refuses the whole
     * change; seats already billed at the new rate are left out, and if that is all of them the change is refused.
     */
    static List<CalendarSeat> seatsToChange(List<CalendarSeat> affected, LocalDate effectiveDate, BigDecimal rate) {
        for (CalendarSeat seat : affected) {
            seat.rates().steps().stream()
                    .filter(step -> step.rateChangeId() != null && step.effectiveDate().equals(effectiveDate))
                    .findAny()
                    .ifPresent(step -> {
                        throw RuleViolation.illegalState("rate-change-exists", "Seat " + seat.seatId()
                                + " already has rate change " + step.rateChangeId() + " from " + effectiveDate
                                + "; withdraw it first");
                    });
        }
        List<CalendarSeat> changed = affected.stream()
                .filter(seat -> seat.rates().rateOn(effectiveDate).map(now -> now.compareTo(rate) != 0).orElse(true))
                .toList();
        if (changed.isEmpty()) {
            throw RuleViolation.invalid("newRate", "no-change", "the rate on " + effectiveDate + " is already "
                    + rate.toPlainString());
        }
        return changed;
    }
}
