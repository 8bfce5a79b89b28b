package com.engagementledger.engagement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An engagement's detail as of {@code asOfDate} (today in the engagement's time zone).
 *
 * @param version the sequence number of the last event applied; the {@code ETag} of the resource
 */
public record EngagementView(String engagementId, long version, String clientId, String clientName,
                             String roleTitle, String currency, BillingModel billingModel, EngagementStatus status,
                             EngagementTerms terms, List<SeatView> seats, KeyDates dates, LocalDate asOfDate,
                             List<String> ipExclusions, Instant lastChangedAt) {
}
