package com.engagementledger.engagement.api;

/**
 * How often an engagement is invoiced.
 */
public enum BillingCycle {
    MONTHLY
}
