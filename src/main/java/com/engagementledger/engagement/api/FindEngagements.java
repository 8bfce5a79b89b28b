package com.engagementledger.engagement.api;

/**
 * A page of engagements, newest proposal first, optionally filtered by status and client.
 */
public record FindEngagements(EngagementStatus status, String clientId, int page, int size) {
}
