package com.engagementledger.iptransfer.api;

import com.engagementledger.platform.api.AuditedCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Finance releases a contested transfer with a reason (required): the business lets the assignment stand although
 * it is no longer fully paid for; the transfer is {@code ASSIGNED} again, the release recorded beside the
 * unchanged certificate. Refused unless the transfer is {@code CONTESTED}.
 */
public record ReleaseIpTransferContest(@TargetAggregateIdentifier String ipTransferId, String reason,
                                       @TargetAggregateVersion Long expectedVersion) implements AuditedCommand {
}
