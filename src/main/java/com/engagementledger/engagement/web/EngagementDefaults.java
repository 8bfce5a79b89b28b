package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business defaults of DESIGN.md §3, applied to every term a proposal leaves out.
 */
@ConfigurationProperties("ledger.engagement-defaults")
public record EngagementDefaults(
        @DefaultValue("UTC") String timeZone,
        @DefaultValue("MONTHLY") BillingCycle billingCycle,
        @DefaultValue("30") int paymentTermsDays,
        @DefaultValue("30") int noticePeriodDays,
        @DefaultValue("14") int trialDays,
        @DefaultValue("90") int guaranteeWindowDays,
        @DefaultValue("2") int freeReplacementsPerSeat,
        @DefaultValue("5") int replacementSlaBusinessDays,
        @DefaultValue("5") int overlapBusinessDays,
        @DefaultValue("30") int rateChangeNoticeDays,
        @DefaultValue("ON_PAYMENT") IpTrigger ipTrigger) {

    EngagementTerms complete(TermsRequest given) {
        TermsRequest t = given != null ? given : TermsRequest.NONE;
        return new EngagementTerms(
                t.timeZone() != null ? t.timeZone() : timeZone,
                t.billingCycle() != null ? t.billingCycle() : billingCycle,
                t.paymentTermsDays() != null ? t.paymentTermsDays() : paymentTermsDays,
                t.noticePeriodDays() != null ? t.noticePeriodDays() : noticePeriodDays,
                t.trialDays() != null ? t.trialDays() : trialDays,
                t.guaranteeWindowDays() != null ? t.guaranteeWindowDays() : guaranteeWindowDays,
                t.freeReplacementsPerSeat() != null ? t.freeReplacementsPerSeat() : freeReplacementsPerSeat,
                t.replacementSlaBusinessDays() != null ? t.replacementSlaBusinessDays() : replacementSlaBusinessDays,
                t.overlapBusinessDays() != null ? t.overlapBusinessDays() : overlapBusinessDays,
                t.rateChangeNoticeDays() != null ? t.rateChangeNoticeDays() : rateChangeNoticeDays,
                t.ipTrigger() != null ? t.ipTrigger() : ipTrigger);
    }
}
