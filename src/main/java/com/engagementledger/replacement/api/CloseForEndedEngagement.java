package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the replacement process when the engagement ended after {@code lastDay}: a replacement still open is
 * withdrawn as of the day after, and a missed SLA counts no late day after {@code lastDay}. Does nothing when the
 * replacement has completed or was withdrawn.
 */
public record CloseForEndedEngagement(@TargetAggregateIdentifier String replacementId, LocalDate lastDay) {
}
