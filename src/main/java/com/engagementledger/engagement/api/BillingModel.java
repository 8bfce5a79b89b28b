package com.engagementledger.engagement.api;

/**
 * How an engagement is billed: hours from timesheets, or a fee per seat per calendar month prorated by days.
 */
public enum BillingModel {
    HOURLY, MONTHLY
}
