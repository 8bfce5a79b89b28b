package com.engagementledger.replacement.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A replacement as of {@code asOfDate} (today in the engagement's time zone): {@code CANDIDATE_ACCEPTED} reads
 * {@code OVERLAP} from the incoming professional's first day on.
 *
 * @param overlapTo the last zero-rated (or, for a billable replacement, billed) overlap day
 * @param breach    the missed SLA, or null while the SLA holds
 * @param version   the sequence number of the replacement's last event; the {@code ETag} of the resource
 */
public record ReplacementView(String replacementId, String engagementId, String seatId, ReplacementReason reason,
                              String note, ReplacementStatus status, Eligibility eligibility,
                              String eligibilityReason, LocalDate requestedOn, LocalDate slaDueDate,
                              List<CandidateView> candidates, String outgoingProfessionalId,
                              String outgoingProfessionalName, LocalDate overlapFrom, LocalDate overlapTo,
                              LocalDate completedOn, LocalDate withdrawnOn, SlaBreach breach, LocalDate asOfDate,
                              long version) {
}
