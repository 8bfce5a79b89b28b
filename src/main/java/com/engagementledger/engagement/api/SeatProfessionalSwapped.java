package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * From {@code swapDate} the seat is held by another professional, after a replacement; its overlap ran until {@code
 * overlapTo} (null if no overlap day ran).
 */
@Revision("1")
public record SeatProfessionalSwapped(String engagementId, String seatId, String replacementId,
                                      String professionalId, String professionalName, LocalDate swapDate,
                                      LocalDate overlapTo) {
}
