package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the replacement process when a replacement is withdrawn: the seat is no longer held open and keeps its
 * professional. A repeat, or one for a replacement the seat no longer holds open, changes nothing.
 *
 * @param overlapTo               the last overlap day the incoming professional worked; null if none
 * @param freeReplacementReturned whether the seat gets back the free replacement the request had used
 */
public record CloseSeatReplacement(@TargetAggregateIdentifier String engagementId, String seatId,
                                   String replacementId, LocalDate closedOn, LocalDate overlapTo,
                                   boolean freeReplacementReturned) {
}
