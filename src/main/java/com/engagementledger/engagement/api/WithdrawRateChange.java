package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws a rate change, on every seat it re-rated, while its effective date is after today or within the
 * back-dating window.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record WithdrawRateChange(@TargetAggregateIdentifier String engagementId, String rateChangeId, String reason,
                                 @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
