package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The replacement was withdrawn on {@code withdrawnOn}; the outgoing professional keeps the seat. {@code overlapTo}
 * is the last overlap day the incoming professional worked, null if the overlap had not begun.
 *
 * @param freeReplacementReturned whether the seat gets back the free replacement the request had used
 */
@Revision("1")
public record ReplacementWithdrawn(String replacementId, String engagementId, String seatId, LocalDate withdrawnOn,
                                   String reason, LocalDate overlapTo, boolean freeReplacementReturned) {
}
