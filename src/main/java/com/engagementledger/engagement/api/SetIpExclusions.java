package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Replaces the background technology excluded from IP transfer on this engagement (plain-text items, each named
 * once; an empty list clears it), with a reason (required). Invoices issued from now on carry the list onto their
 * transfers; transfers already open keep theirs (finance changes one with {@code SetIpTransferExclusions}). Refused
 * on an ended, cancelled or trial-rejected engagement, and when the list is the same as now.
 */
public record SetIpExclusions(@TargetAggregateIdentifier String engagementId, List<String> exclusions, String reason,
                              @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
