package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * One row of the engagement list.
 */
public record EngagementSummary(String engagementId, long version, String clientId, String clientName,
                                String roleTitle, String currency, BillingModel billingModel,
                                EngagementStatus status, int seatsHeldToday, LocalDate proposedOn) {
}
