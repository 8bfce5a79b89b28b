package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The pending candidate was turned down; another can be proposed.
 */
@Revision("1")
public record CandidateRejected(String replacementId, String engagementId, String seatId, String candidateId,
                                String reason, LocalDate rejectedOn) {
}
