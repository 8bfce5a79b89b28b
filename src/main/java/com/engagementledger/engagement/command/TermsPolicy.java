package com.engagementledger.engagement.command;

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

import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.platform.api.RuleViolation;
import java.time.ZoneId;

/**
 * Terms an engagement can run on: a real time zone, and periods within sane bounds. A rate-change notice or a notice
 * period longer than the forward-dating window could never be met, as no effective date or last day may lie beyond
 * it: such terms are refused when proposed, not discovered when the first rate change or notice fails. A trial may be
 * longer: its last day is computed, not entered, and it lapses by itself.
 */
final class TermsPolicy {

    private TermsPolicy() {
    }

    static ZoneId validate(EngagementTerms terms, ForwardDatingWindow horizon) {
        if (terms == null) {
            throw RuleViolation.invalid("terms", "required", "terms: must not be null");
        }
        if (terms.timeZone() != null && terms.timeZone().length() > MAX_TIME_ZONE_LENGTH) {
            throw RuleViolation.invalid("terms.timeZone", "length", "is longer than " + MAX_TIME_ZONE_LENGTH
                    + " characters");
        }
        ZoneId zone = zone(terms.timeZone());
        required(terms.billingCycle(), "terms.billingCycle");
        required(terms.ipTrigger(), "terms.ipTrigger");
        range(terms.paymentTermsDays(), 0, MAX_PAYMENT_TERMS_DAYS, "terms.paymentTermsDays");
        range(terms.noticePeriodDays(), 0, MAX_NOTICE_PERIOD_DAYS, "terms.noticePeriodDays");
        range(terms.trialDays(), 0, MAX_TRIAL_DAYS, "terms.trialDays");
        range(terms.guaranteeWindowDays(), 0, MAX_GUARANTEE_WINDOW_DAYS, "terms.guaranteeWindowDays");
        range(terms.freeReplacementsPerSeat(), 0, MAX_FREE_REPLACEMENTS_PER_SEAT, "terms.freeReplacementsPerSeat");
        range(terms.replacementSlaBusinessDays(), MIN_REPLACEMENT_SLA_BUSINESS_DAYS,
                MAX_REPLACEMENT_SLA_BUSINESS_DAYS, "terms.replacementSlaBusinessDays");
        range(terms.overlapBusinessDays(), 0, MAX_OVERLAP_BUSINESS_DAYS, "terms.overlapBusinessDays");
        range(terms.rateChangeNoticeDays(), 0, MAX_RATE_CHANGE_NOTICE_DAYS, "terms.rateChangeNoticeDays");
        withinHorizon(terms.noticePeriodDays(), horizon, "terms.noticePeriodDays", "notice");
        withinHorizon(terms.rateChangeNoticeDays(), horizon, "terms.rateChangeNoticeDays", "rate change");
        return zone;
    }

    private static void withinHorizon(int days, ForwardDatingWindow horizon, String field, String what) {
        if (days > horizon.forwardDatingDays()) {
            throw RuleViolation.invalid(field, "forward-dating-window", "must be at most "
                    + horizon.forwardDatingDays() + " days, the forward-dating window, was " + days + ": no "
                    + what + " could ever be dated that far ahead");
        }
    }

    /**
     * UTC or a region of the IANA database: a fixed offset ("+02:00", "UTC+14", "GMT0", "Etc/GMT+5", "EST", "Z")
     * ignores daylight saving, so an engagement's days would drift by an hour for half the year; the SystemV zones
     * are deprecated aliases.
     */
    private static ZoneId zone(String timeZone) {
        if ("UTC".equals(timeZone)) {
            return ZoneId.of(timeZone);
        }
        if (timeZone != null && !timeZone.startsWith("SystemV/") && !timeZone.startsWith("Etc/")
                && ZoneId.getAvailableZoneIds().contains(timeZone)) {
            ZoneId zone = ZoneId.of(timeZone);
            if (!zone.getRules().isFixedOffset()) {
                return zone;
            }
        }
        throw RuleViolation.invalid("terms.timeZone", "time-zone", "'" + timeZone + "' is not a time zone: give UTC"
                + " or a region such as Europe/Berlin or America/New_York, not a fixed offset");
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw RuleViolation.invalid(field, "required", field + ": must not be null");
        }
    }

    private static void range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw RuleViolation.invalid(field, "range", "must be between " + min + " and " + max + ", was " + value);
        }
    }
}
