package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Scales up: a new seat from {@code startDate}.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record AddSeat(@TargetAggregateIdentifier String engagementId, String seatId, String professionalId, String professionalName, BigDecimal rate, LocalDate startDate,
                      @TargetAggregateVersion Long expectedVersion) {
}
