package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The client rejected the trial; its time is not billed.
 */
@Revision("1")
public record TrialRejected(String engagementId, LocalDate rejectedOn, String reason) {
}
