package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The pending candidate was accepted on {@code acceptedOn} and starts in the seat on {@code overlapFrom}; the overlap
 * runs the engagement's overlap business days, until {@code overlapTo} (the last overlap day), with the outgoing
 * professional still billed. The incoming professional's overlap days are zero-rated for a free replacement.
 */
@Revision("1")
public record CandidateAccepted(String replacementId, String engagementId, String seatId, String candidateId,
                                String professionalId, String professionalName, LocalDate acceptedOn,
                                LocalDate overlapFrom, LocalDate overlapTo, boolean zeroRated) {
}
