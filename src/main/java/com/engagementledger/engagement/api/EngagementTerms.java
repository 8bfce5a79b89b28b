package com.engagementledger.engagement.api;

/**
 * The terms agreed for one engagement. Defaults come from configuration ({@code ledger.engagement-defaults}); an
 * engagement keeps the terms it was proposed with.
 *
 * @param timeZone                   the zone in which the engagement's dates are local dates
 * @param trialDays                  length of the trial; 0 means the engagement has no trial
 * @param guaranteeWindowDays        free replacements are possible this many days from a seat's start
 * @param rateChangeNoticeDays       a rate change takes effect no earlier than this many days after it is announced
 */
public record EngagementTerms(
        String timeZone,
        BillingCycle billingCycle,
        int paymentTermsDays,
        int noticePeriodDays,
        int trialDays,
        int guaranteeWindowDays,
        int freeReplacementsPerSeat,
        int replacementSlaBusinessDays,
        int overlapBusinessDays,
        int rateChangeNoticeDays,
        IpTrigger ipTrigger) {
}
