package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The engagement ended after {@code lastDay}; by the system when {@code automatic}.
 */
@Revision("1")
public record EngagementEnded(String engagementId, LocalDate lastDay, LocalDate endedOn, boolean automatic) {
}
