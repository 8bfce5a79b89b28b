package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A proposal was withdrawn before it started.
 */
@Revision("1")
public record EngagementCancelled(String engagementId, LocalDate cancelledOn, String reason) {
}
