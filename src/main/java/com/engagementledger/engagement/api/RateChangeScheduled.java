package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A seat's rate changes to {@code newRate} from {@code effectiveDate}, announced on {@code announcedOn}. One
 * command re-rating several seats gives each the same {@code rateChangeId}, so that they are withdrawn together.
 * Revision 2 added {@code rateChangeId}; revision 1 events get one from the upcaster.
 */
@Revision("2")
public record RateChangeScheduled(String engagementId, String seatId, BigDecimal newRate, LocalDate effectiveDate,
                                  LocalDate announcedOn, String reason, String rateChangeId) {
}
