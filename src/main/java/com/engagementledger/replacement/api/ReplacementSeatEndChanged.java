package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The seat's last billed day as the replacement knows it changed to {@code seatLastDay} (null: the seat has no end),
 * after the engagement withdrew a notice or the seat's release; the swap may now fall up to that day.
 */
@Revision("1")
public record ReplacementSeatEndChanged(String replacementId, String engagementId, String seatId,
                                        LocalDate seatLastDay) {
}
