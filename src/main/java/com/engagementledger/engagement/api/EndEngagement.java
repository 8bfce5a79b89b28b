package com.engagementledger.engagement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Ends an engagement under notice whose last day has passed (the system does so by itself the next day).
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record EndEngagement(@TargetAggregateIdentifier String engagementId,
                      @TargetAggregateVersion Long expectedVersion) {
}
