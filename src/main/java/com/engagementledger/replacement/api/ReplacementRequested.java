package com.engagementledger.replacement.api;

import com.engagementledger.engagement.api.BillingModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A replacement was requested and its eligibility decided, once ({@link GuaranteeEligibility}); the SLA runs from
 * {@code requestedOn} until the end of {@code slaDueDate}. Carries what the engagement knew, so that the replacement
 * and its read models need nothing else ({@link ReplacementOpening}).
 */
@Revision("1")
public record ReplacementRequested(String replacementId, String engagementId, String seatId,
                                   ReplacementReason reason, String note, Eligibility eligibility,
                                   String eligibilityReason, boolean usesFreeReplacement, LocalDate requestedOn,
                                   LocalDate slaDueDate, int slaBusinessDays, int overlapBusinessDays,
                                   String timeZone, String outgoingProfessionalId, String outgoingProfessionalName,
                                   LocalDate seatStart, LocalDate guaranteeEndsOn, LocalDate seatLastDay,
                                   BillingModel billingModel, BigDecimal seatRate, String currency) {
}
