package com.engagementledger.engagement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The client keeps the professionals: the engagement becomes active and its trial time is billed.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record AcceptTrial(@TargetAggregateIdentifier String engagementId,
                      @TargetAggregateVersion Long expectedVersion) {
}
