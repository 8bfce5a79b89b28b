package com.engagementledger.guarantee.api;

/**
 * The replacement guarantee of one engagement, per seat, as of today.
 */
public record FindGuarantees(String engagementId) {
}
