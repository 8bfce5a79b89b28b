package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The trial was accepted, by the client or, when {@code automatic}, by the system after its last day.
 */
@Revision("1")
public record TrialAccepted(String engagementId, LocalDate acceptedOn, boolean automatic) {
}
