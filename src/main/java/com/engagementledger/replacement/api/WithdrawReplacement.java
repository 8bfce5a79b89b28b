package com.engagementledger.replacement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws the replacement at any point before it completes; the outgoing professional keeps the seat.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record WithdrawReplacement(@TargetAggregateIdentifier String replacementId, String reason,
                                  @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
