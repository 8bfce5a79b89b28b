package com.engagementledger.replacement.api;

import com.engagementledger.engagement.api.BillingModel;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything the engagement decided and knew when it opened a replacement; the replacement records it as {@link
 * ReplacementRequested} and never asks the engagement again.
 *
 * @param seatLastDay the last day the seat is billed as far as known on request (its release or the engagement's
 *                    last day under notice); null while open-ended. The overlap must end before it.
 * @param seatRate    the seat's rate on the SLA's due date, for the service credit
 */
public record ReplacementOpening(String replacementId, String engagementId, String seatId, ReplacementReason reason,
                                 String note, EligibilityDecision decision, LocalDate requestedOn,
                                 LocalDate slaDueDate, int slaBusinessDays, int overlapBusinessDays, String timeZone,
                                 String outgoingProfessionalId, String outgoingProfessionalName,
                                 LocalDate seatStart, LocalDate guaranteeEndsOn, LocalDate seatLastDay,
                                 BillingModel billingModel, BigDecimal seatRate, String currency) {
}
