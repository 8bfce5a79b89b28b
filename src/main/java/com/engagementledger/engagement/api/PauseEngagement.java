package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Pauses billing from {@code pauseDate}, the first day no longer billed (today if null).
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record PauseEngagement(@TargetAggregateIdentifier String engagementId, LocalDate pauseDate,
                      @TargetAggregateVersion Long expectedVersion) {
}
