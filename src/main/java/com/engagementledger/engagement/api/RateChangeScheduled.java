package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A seat's rate changes to {@code newRate} from {@code effectiveDate}, announced on {@code announcedOn}.
 */
@Revision("1")
public record RateChangeScheduled(String engagementId, String seatId, BigDecimal newRate, LocalDate effectiveDate, LocalDate announcedOn, String reason) {
}
