package com.engagementledger.replacement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sent by the replacement process after the SLA's due date: records the breach once, if no candidate was accepted
 * by the end of that day. Does nothing otherwise.
 */
public record RecordSlaBreach(@TargetAggregateIdentifier String replacementId) {
}
