package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Starts the trial of a proposed engagement on {@code startDate} (today if null); it lasts the terms' trial days.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record StartTrial(@TargetAggregateIdentifier String engagementId, LocalDate startDate,
                      @TargetAggregateVersion Long expectedVersion) {
}
