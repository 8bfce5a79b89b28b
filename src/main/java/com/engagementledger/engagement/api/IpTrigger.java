package com.engagementledger.engagement.api;

/**
 * When the client comes to own the deliverables of an invoice.
 */
public enum IpTrigger {
    ON_PAYMENT, ON_CREATION
}
