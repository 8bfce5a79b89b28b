package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Resumes billing from {@code resumeDate}, the first day billed again (today if null).
 *
 * @param expectedVersion the version the caller saw (from {@code If-Match}); null to skip the check
 */
public record ResumeEngagement(@TargetAggregateIdentifier String engagementId, LocalDate resumeDate,
                      @TargetAggregateVersion Long expectedVersion) {
}
