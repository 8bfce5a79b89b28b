package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A replacement was opened on a seat: no other can be opened on it, and the seat is neither released nor the
 * engagement given notice, until it completes or is withdrawn.
 *
 * @param usesFreeReplacement whether it takes one of the seat's free replacements
 */
@Revision("1")
public record SeatReplacementOpened(String engagementId, String seatId, String replacementId, LocalDate openedOn,
                                    boolean usesFreeReplacement) {
}
