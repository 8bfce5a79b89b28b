package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Scales down: {@code releaseDate} is the first day the seat is no longer billed.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record ReleaseSeat(@TargetAggregateIdentifier String engagementId, String seatId, LocalDate releaseDate,
                      @TargetAggregateVersion Long expectedVersion) {
}
