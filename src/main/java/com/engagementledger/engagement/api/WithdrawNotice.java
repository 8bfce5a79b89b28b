package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws the notice given within the back-dating window: the engagement runs on as before it.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record WithdrawNotice(@TargetAggregateIdentifier String engagementId, String reason,
                             @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
