package com.engagementledger.guarantee.api;

import com.engagementledger.replacement.api.ReplacementStatus;
import java.time.LocalDate;

/**
 * The replacement open on a seat and its SLA clock as of today: business days left up to and including the due
 * date while no candidate is accepted, business days late after it (until a candidate was accepted, then fixed).
 *
 * @param businessDaysLeft null once a candidate is accepted: the SLA no longer runs
 */
public record OpenReplacement(String replacementId, ReplacementStatus status, LocalDate slaDueDate,
                              Integer businessDaysLeft, int businessDaysLate) {
}
