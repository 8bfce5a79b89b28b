package com.engagementledger.replacement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Proposes a professional for the seat; one candidate is pending at a time.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record ProposeCandidate(@TargetAggregateIdentifier String replacementId, String candidateId,
                               String professionalId, String professionalName,
                               @TargetAggregateVersion Long expectedVersion) {
}
