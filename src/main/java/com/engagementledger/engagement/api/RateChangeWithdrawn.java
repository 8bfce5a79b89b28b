package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A scheduled rate change was withdrawn before it took effect; the seats it named keep their earlier rates.
 */
@Revision("1")
public record RateChangeWithdrawn(String engagementId, String rateChangeId, LocalDate withdrawnOn, String reason) {
}
