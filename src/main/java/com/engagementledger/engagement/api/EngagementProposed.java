package com.engagementledger.engagement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An engagement was proposed to a client with its seats and terms.
 */
@Revision("1")
public record EngagementProposed(String engagementId, String clientId, String clientName, String roleTitle, String currency, BillingModel billingModel, List<NewSeat> seats, EngagementTerms terms, LocalDate proposedOn) {
}
