package com.engagementledger.replacement.api;

/**
 * Who pays for a replacement, decided once, on request ({@link GuaranteeEligibility}).
 */
public enum Eligibility {
    /** The incoming professional's overlap days are zero-rated, and a missed SLA earns a service credit. */
    FREE,
    /** The overlap is billed and a missed SLA earns no credit. */
    BILLABLE
}
