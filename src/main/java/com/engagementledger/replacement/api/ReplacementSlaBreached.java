package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * No candidate was accepted by the end of the SLA's due date; recorded once, on {@code breachedOn} (the day after
 * the due date, or later if nothing noticed it sooner).
 */
@Revision("1")
public record ReplacementSlaBreached(String replacementId, String engagementId, String seatId, LocalDate slaDueDate,
                                     LocalDate breachedOn) {
}
