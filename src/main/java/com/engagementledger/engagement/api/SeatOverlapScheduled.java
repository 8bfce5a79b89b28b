package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The incoming professional of a replacement works in the seat beside the outgoing one from {@code from} to {@code
 * to}, both included; the outgoing professional stays billed, the incoming one's days are zero-rated for a free
 * replacement and billed at the seat's rate for a billable one.
 */
@Revision("1")
public record SeatOverlapScheduled(String engagementId, String seatId, String replacementId, String professionalId,
                                   String professionalName, LocalDate from, LocalDate to, boolean zeroRated) {
}
