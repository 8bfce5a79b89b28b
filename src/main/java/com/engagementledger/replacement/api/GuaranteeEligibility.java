package com.engagementledger.replacement.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether a replacement is free (DESIGN.md §3): {@code ATTRITION} always is and uses no quota; any other reason is
 * free while the request day lies inside the seat's guarantee window (from the seat's start, {@code
 * guaranteeWindowDays} days long) and the seat has free replacements left, else billable.
 *
 * @param guaranteeWindowDays     the window's length in days, counting the seat's first day
 * @param freeReplacementsPerSeat how many free replacements (other than for attrition) one seat has
 */
public record GuaranteeEligibility(int guaranteeWindowDays, int freeReplacementsPerSeat) {

    public GuaranteeEligibility {
        if (guaranteeWindowDays < 0 || freeReplacementsPerSeat < 0) {
            throw new IllegalArgumentException("a guarantee window and a quota are never negative");
        }
    }

    /** The last day inside the window of a seat starting on {@code seatStart}; the day before it for a 0-day window. */
    public LocalDate guaranteeEndsOn(LocalDate seatStart) {
        return seatStart.plusDays(guaranteeWindowDays - 1L);
    }

    /**
     * @param seatStart the seat's first day
     * @param requestDay the day the replacement is requested
     * @param freeUsed  the free replacements the seat has used so far (withdrawn ones given back)
     */
    public EligibilityDecision decide(ReplacementReason reason, LocalDate seatStart, LocalDate requestDay,
                                      int freeUsed) {
        if (reason == ReplacementReason.ATTRITION) {
            return new EligibilityDecision(Eligibility.FREE,
                    "attrition: the professional leaves, so the replacement is free and uses no free replacement",
                    false);
        }
        LocalDate windowEnd = guaranteeEndsOn(seatStart);
        long day = ChronoUnit.DAYS.between(seatStart, requestDay) + 1;
        if (requestDay.isAfter(windowEnd)) {
            return new EligibilityDecision(Eligibility.BILLABLE, "requested on day " + day + " of the seat, after its "
                    + guaranteeWindowDays + "-day guarantee window (from " + seatStart + " to " + windowEnd + ")",
                    false);
        }
        if (freeUsed >= freeReplacementsPerSeat) {
            return new EligibilityDecision(Eligibility.BILLABLE, "no free replacement left on the seat: "
                    + freeUsed + " of " + freeReplacementsPerSeat + " used", false);
        }
        return new EligibilityDecision(Eligibility.FREE, "requested on day " + day + " of the seat's "
                + guaranteeWindowDays + "-day guarantee window (until " + windowEnd + "), with "
                + (freeReplacementsPerSeat - freeUsed) + " of " + freeReplacementsPerSeat
                + " free replacements left", true);
    }
}
