package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Takes a proposal straight to ACTIVE, without a trial, billed from {@code activationDate} (today if null).
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record ActivateEngagement(@TargetAggregateIdentifier String engagementId, LocalDate activationDate,
                      @TargetAggregateVersion Long expectedVersion) {
}
