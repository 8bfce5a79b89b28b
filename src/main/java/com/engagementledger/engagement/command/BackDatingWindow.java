package com.engagementledger.engagement.command;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far before today an effective date may lie ({@code ledger.engagement-defaults.back-dating-days}): far enough
 * to record what was agreed late, near enough that a typo cannot rewrite a year.
 */
@ConfigurationProperties("ledger.engagement-defaults")
public record BackDatingWindow(@DefaultValue("31") int backDatingDays) {

    public BackDatingWindow {
        if (backDatingDays < 0 || backDatingDays > 366) {
            throw new IllegalArgumentException(
                    "ledger.engagement-defaults.back-dating-days must be between 0 and 366, was " + backDatingDays);
        }
    }

    /** The earliest effective date that can still be recorded or withdrawn today. */
    public LocalDate earliest(LocalDate today) {
        return today.minusDays(backDatingDays);
    }
}
