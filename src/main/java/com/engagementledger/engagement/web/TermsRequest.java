package com.engagementledger.engagement.web;

import static com.engagementledger.engagement.api.TermsBounds.MAX_FREE_REPLACEMENTS_PER_SEAT;
import static com.engagementledger.engagement.api.TermsBounds.MAX_GUARANTEE_WINDOW_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MAX_NOTICE_PERIOD_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MAX_OVERLAP_BUSINESS_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MAX_PAYMENT_TERMS_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MAX_RATE_CHANGE_NOTICE_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MAX_REPLACEMENT_SLA_BUSINESS_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MAX_TIME_ZONE_LENGTH;
import static com.engagementledger.engagement.api.TermsBounds.MAX_TRIAL_DAYS;
import static com.engagementledger.engagement.api.TermsBounds.MIN_REPLACEMENT_SLA_BUSINESS_DAYS;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.IpTrigger;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Terms of a proposal; every one left out takes the configured default.
 */
public record TermsRequest(
        @Size(min = 1, max = MAX_TIME_ZONE_LENGTH) String timeZone,
        BillingCycle billingCycle,
        @Min(0) @Max(MAX_PAYMENT_TERMS_DAYS) Integer paymentTermsDays,
        @Min(0) @Max(MAX_NOTICE_PERIOD_DAYS) Integer noticePeriodDays,
        @Min(0) @Max(MAX_TRIAL_DAYS) Integer trialDays,
        @Min(0) @Max(MAX_GUARANTEE_WINDOW_DAYS) Integer guaranteeWindowDays,
        @Min(0) @Max(MAX_FREE_REPLACEMENTS_PER_SEAT) Integer freeReplacementsPerSeat,
        @Min(MIN_REPLACEMENT_SLA_BUSINESS_DAYS) @Max(MAX_REPLACEMENT_SLA_BUSINESS_DAYS)
        Integer replacementSlaBusinessDays,
        @Min(0) @Max(MAX_OVERLAP_BUSINESS_DAYS) Integer overlapBusinessDays,
        @Min(0) @Max(MAX_RATE_CHANGE_NOTICE_DAYS) Integer rateChangeNoticeDays,
        IpTrigger ipTrigger) {

    static final TermsRequest NONE = new TermsRequest(null, null, null, null, null, null, null, null, null, null, null);
}
