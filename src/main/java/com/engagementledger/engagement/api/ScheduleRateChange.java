package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Re-rates one seat, or every seat open on {@code effectiveDate} when {@code seatId} is null; the reason is required.
 *
 * @param rateChangeId    the id the caller gives this rate change, to withdraw it by
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record ScheduleRateChange(@TargetAggregateIdentifier String engagementId, String rateChangeId, String seatId,
                                 BigDecimal newRate, LocalDate effectiveDate, String reason,
                                 @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
