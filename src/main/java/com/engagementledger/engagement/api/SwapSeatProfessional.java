package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the replacement process when a replacement completes: from {@code swapDate} the seat is held by the
 * incoming professional, and the replacement no longer holds the seat open. A consequence, not a decision: the
 * engagement records it in any status; a repeat changes nothing.
 *
 * @param overlapTo the last overlap day that ran; earlier than scheduled when the replacement completed early, null
 *                  when no overlap day ran
 */
public record SwapSeatProfessional(@TargetAggregateIdentifier String engagementId, String seatId,
                                   String replacementId, String professionalId, String professionalName,
                                   LocalDate swapDate, LocalDate overlapTo) {
}
