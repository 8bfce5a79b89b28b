package com.engagementledger.replacement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sent by the replacement process on the day after the overlap's last day: the replacement completes by itself.
 * Does nothing when the replacement is no longer in its overlap or the overlap has not run out.
 */
public record EndOverlap(@TargetAggregateIdentifier String replacementId) {
}
