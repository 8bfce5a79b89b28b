package com.engagementledger.engagement.api;

import java.util.List;

/**
 * Proposes an engagement to a client: its seats and its terms. Every later change is a command of its own.
 */
public record ProposeEngagement(String engagementId, String clientId, String clientName, String roleTitle,
                                String currency, BillingModel billingModel, List<NewSeat> seats,
                                EngagementTerms terms) {
}
