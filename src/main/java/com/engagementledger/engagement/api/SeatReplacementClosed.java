package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A replacement of the seat was withdrawn: the seat keeps its professional and is no longer held open. Its overlap,
 * if one had begun, ran until {@code overlapTo}.
 *
 * @param freeReplacementReturned whether the seat got back the free replacement the request had used
 */
@Revision("1")
public record SeatReplacementClosed(String engagementId, String seatId, String replacementId, LocalDate closedOn,
                                    LocalDate overlapTo, boolean freeReplacementReturned) {
}
