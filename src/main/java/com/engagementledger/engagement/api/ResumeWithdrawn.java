package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The resume on {@code resumeDate} was withdrawn before it took effect: the pause it would have ended is open again.
 */
@Revision("1")
public record ResumeWithdrawn(String engagementId, LocalDate resumeDate, LocalDate withdrawnOn, String reason) {
}
