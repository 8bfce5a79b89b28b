package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A candidate was proposed for the seat.
 */
@Revision("1")
public record CandidateProposed(String replacementId, String engagementId, String seatId, String candidateId,
                                String professionalId, String professionalName, LocalDate proposedOn) {
}
