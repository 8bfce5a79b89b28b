package com.engagementledger.engagement.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far after today an effective date may lie ({@code ledger.engagement-defaults.forward-dating-days}): far enough
 * to plan next year, near enough that a typo (2999 for 2025) cannot trap an engagement in a state it never leaves.
 */
@ConfigurationProperties("ledger.engagement-defaults")
public record ForwardDatingWindow(@DefaultValue("365") int forwardDatingDays) {

    /** About a thousand years: wide enough for tests of the plausible date range, still a bound. */
    static final int MAX_DAYS = 365_250;

    public ForwardDatingWindow {
        if (forwardDatingDays < 0 || forwardDatingDays > MAX_DAYS) {
            throw new IllegalArgumentException("ledger.engagement-defaults.forward-dating-days must be between 0 and "
                    + MAX_DAYS + ", was " + forwardDatingDays);
        }
    }
}
