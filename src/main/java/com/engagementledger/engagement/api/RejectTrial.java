package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The client declines after the trial: the engagement ends and its trial time is not billed.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record RejectTrial(@TargetAggregateIdentifier String engagementId, String reason,
                      @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
