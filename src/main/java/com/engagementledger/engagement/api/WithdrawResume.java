package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws the scheduled resume that has not started yet (its date is after today).
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record WithdrawResume(@TargetAggregateIdentifier String engagementId, String reason,
                          @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
