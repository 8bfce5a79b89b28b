package com.engagementledger.replacement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Ends the overlap early: from today the incoming professional holds the seat alone.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record CompleteReplacement(@TargetAggregateIdentifier String replacementId,
                                  @TargetAggregateVersion Long expectedVersion) {
}
