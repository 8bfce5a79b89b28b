package com.engagementledger.replacement.api;

/**
 * What {@link GuaranteeEligibility} decided for one request, and why, in words an account manager can read.
 *
 * @param usesFreeReplacement whether the request takes one of the seat's free replacements (a {@code FREE} one for
 *                            any reason but {@code ATTRITION}); a withdrawn replacement gives it back
 */
public record EligibilityDecision(Eligibility eligibility, String reason, boolean usesFreeReplacement) {
}
