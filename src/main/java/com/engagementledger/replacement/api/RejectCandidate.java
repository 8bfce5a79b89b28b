package com.engagementledger.replacement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Turns the pending candidate down, with a reason; another can then be proposed.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record RejectCandidate(@TargetAggregateIdentifier String replacementId, String candidateId, String reason,
                              @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
