package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A proposal became active without a trial.
 */
@Revision("1")
public record EngagementActivated(String engagementId, LocalDate activationDate) {
}
