package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the replacement process when the engagement withdrew a notice or the seat's release: the seat's last billed
 * day is now {@code seatLastDay} (null when it has none). Does nothing once the replacement completed or was
 * withdrawn, or when the day is the one it knows.
 */
public record UpdateSeatLastDay(@TargetAggregateIdentifier String replacementId, LocalDate seatLastDay) {
}
