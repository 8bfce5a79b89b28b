package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Gives notice today; {@code lastDay} is the last day billed. For cause, the notice period does not apply and a reason is required.
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record GiveNotice(@TargetAggregateIdentifier String engagementId, LocalDate lastDay, boolean forCause, String reason,
                      @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
