package com.engagementledger.replacement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The replacement completed: from {@code completedOn} the incoming professional holds the seat alone. {@code
 * overlapTo} is the last overlap day that ran (earlier than planned when it was completed early; null if it ended
 * before the first one).
 *
 * @param early whether an account manager ended the overlap before its last day
 */
@Revision("1")
public record ReplacementCompleted(String replacementId, String engagementId, String seatId, String candidateId,
                                   String professionalId, String professionalName, LocalDate completedOn,
                                   LocalDate overlapTo, boolean early) {
}
