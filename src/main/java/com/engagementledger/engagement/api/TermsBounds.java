package com.engagementledger.engagement.api;

/**
 * The bounds of every term, stated once: the aggregate's terms policy enforces them and the web request declares
 * them (validation and OpenAPI) from these same constants.
 */
public final class TermsBounds {

    public static final int MAX_PAYMENT_TERMS_DAYS = 365;
    public static final int MAX_NOTICE_PERIOD_DAYS = 365;
    public static final int MAX_TRIAL_DAYS = 365;
    public static final int MAX_GUARANTEE_WINDOW_DAYS = 3650;
    public static final int MAX_FREE_REPLACEMENTS_PER_SEAT = 100;
    public static final int MIN_REPLACEMENT_SLA_BUSINESS_DAYS = 1;
    public static final int MAX_REPLACEMENT_SLA_BUSINESS_DAYS = 260;
    public static final int MAX_OVERLAP_BUSINESS_DAYS = 260;
    public static final int MAX_RATE_CHANGE_NOTICE_DAYS = 365;
    public static final int MAX_TIME_ZONE_LENGTH = 64;

    private TermsBounds() {
    }
}
