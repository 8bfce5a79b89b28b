package com.engagementledger.iptransfer.api;

import com.engagementledger.platform.api.AuditedCommand;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Finance replaces the background technology excluded from one transfer (plain-text items, each named once), with a
 * reason; refused once the transfer is assigned (its certificate never changes) or voided.
 */
public record SetIpTransferExclusions(@TargetAggregateIdentifier String ipTransferId, List<String> exclusions,
                                      String reason, @TargetAggregateVersion Long expectedVersion)
        implements AuditedCommand {
}
