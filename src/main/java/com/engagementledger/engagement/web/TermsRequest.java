package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.IpTrigger;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Terms of a proposal; every one left out takes the configured default.
 */
public record TermsRequest(
        @Size(min = 1, max = 64) String timeZone,
        BillingCycle billingCycle,
        @Min(0) @Max(365) Integer paymentTermsDays,
        @Min(0) @Max(365) Integer noticePeriodDays,
        @Min(0) @Max(365) Integer trialDays,
        @Min(0) @Max(3650) Integer guaranteeWindowDays,
        @Min(0) @Max(100) Integer freeReplacementsPerSeat,
        @Min(1) @Max(260) Integer replacementSlaBusinessDays,
        @Min(0) @Max(260) Integer overlapBusinessDays,
        @Min(0) @Max(365) Integer rateChangeNoticeDays,
        IpTrigger ipTrigger) {

    static final TermsRequest NONE = new TermsRequest(null, null, null, null, null, null, null, null, null, null, null);
}
