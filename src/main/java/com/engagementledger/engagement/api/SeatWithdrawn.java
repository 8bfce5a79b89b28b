package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A seat was released on or before its first billed day: it was never billed and is no longer part of the
 * engagement (a seat added by mistake).
 */
@Revision("1")
public record SeatWithdrawn(String engagementId, String seatId, LocalDate withdrawnOn) {
}
