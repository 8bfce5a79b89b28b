package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A seat was added, billed from {@code startDate}.
 */
@Revision("1")
public record SeatAdded(String engagementId, String seatId, String professionalId, String professionalName, BigDecimal rate, LocalDate startDate) {
}
