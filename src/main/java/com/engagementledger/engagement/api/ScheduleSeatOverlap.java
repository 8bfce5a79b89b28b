package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the replacement process when a candidate is accepted: the incoming professional works in the seat beside
 * the outgoing one from {@code from} to {@code to}, both included, zero-rated for a free replacement. Recorded once
 * per replacement; a repeat changes nothing.
 */
public record ScheduleSeatOverlap(@TargetAggregateIdentifier String engagementId, String seatId, String replacementId,
                                  String professionalId, String professionalName, LocalDate from, LocalDate to,
                                  boolean zeroRated) {
}
