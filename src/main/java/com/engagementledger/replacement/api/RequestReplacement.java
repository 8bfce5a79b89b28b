package com.engagementledger.replacement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks for a new professional in one seat. The engagement handles it: it owns the seat, its free replacements and
 * the rule of one open replacement per seat, decides eligibility ({@link GuaranteeEligibility}) and opens the
 * replacement in the same unit of work ({@link ReplacementRecords#open}).
 *
 * @param replacementId   the id the new replacement gets
 * @param expectedVersion the engagement's version the caller saw (from {@code If-Match}); null to skip the check
 */
public record RequestReplacement(@TargetAggregateIdentifier String engagementId, String replacementId, String seatId,
                                 ReplacementReason reason, String note,
                                 @TargetAggregateVersion Long expectedVersion) {
}
