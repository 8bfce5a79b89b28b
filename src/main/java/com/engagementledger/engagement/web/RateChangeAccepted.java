package com.engagementledger.engagement.web;

/**
 * The answer to a scheduled rate change: its id, to withdraw it by, and the engagement's version after it.
 */
public record RateChangeAccepted(String id, String rateChangeId, long version) {
}
