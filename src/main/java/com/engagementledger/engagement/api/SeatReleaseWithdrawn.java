package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The release of seat {@code seatId} from {@code releaseDate} was withdrawn: the seat is billed on as if it never was.
 */
@Revision("1")
public record SeatReleaseWithdrawn(String engagementId, String seatId, LocalDate releaseDate, LocalDate withdrawnOn,
                                   String reason) {
}
