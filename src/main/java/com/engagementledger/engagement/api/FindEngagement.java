package com.engagementledger.engagement.api;

/**
 * One engagement's detail, as the read model has it.
 */
public record FindEngagement(String engagementId) {
}
