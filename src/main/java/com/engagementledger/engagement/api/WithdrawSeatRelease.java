package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws a seat's release while its date is after today or within the back-dating window: the seat runs on.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record WithdrawSeatRelease(@TargetAggregateIdentifier String engagementId, String seatId, String reason,
                                  @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
