package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Billing pauses from {@code pauseDate}, the first day not billed.
 */
@Revision("1")
public record EngagementPaused(String engagementId, LocalDate pauseDate) {
}
