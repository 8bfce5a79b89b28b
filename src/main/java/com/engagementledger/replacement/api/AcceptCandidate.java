package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Accepts the pending candidate, who starts in the seat on {@code startDate}: the overlap runs from that day.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record AcceptCandidate(@TargetAggregateIdentifier String replacementId, String candidateId,
                              LocalDate startDate, @TargetAggregateVersion Long expectedVersion) {
}
