package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A seat was released; {@code releaseDate} is its first day no longer billed.
 */
@Revision("1")
public record SeatReleased(String engagementId, String seatId, LocalDate releaseDate) {
}
