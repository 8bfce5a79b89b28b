package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws a rate change that has not taken effect yet, on every seat it re-rated.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record WithdrawRateChange(@TargetAggregateIdentifier String engagementId, String rateChangeId, String reason,
                                 @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
