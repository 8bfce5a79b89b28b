package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Billing resumes from {@code resumeDate}.
 */
@Revision("1")
public record EngagementResumed(String engagementId, LocalDate resumeDate) {
}
