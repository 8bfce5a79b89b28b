package com.engagementledger.replacement.command;

import com.engagementledger.platform.api.RuleViolation;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far around today an incoming professional's start date may lie: the engagement's own back- and forward-dating
 * windows ({@code ledger.engagement-defaults.back-dating-days} and {@code forward-dating-days}), read here because a
 * feature sees another only through its api, and a start outside the bounds every other effective date keeps would be
 * a date the engagement could never have recorded.
 */
@ConfigurationProperties("ledger.engagement-defaults")
public record ReplacementDatingWindow(@DefaultValue("31") int backDatingDays,
                                      @DefaultValue("365") int forwardDatingDays) {

    public ReplacementDatingWindow {
        if (backDatingDays < 0 || forwardDatingDays < 0) {
            throw new IllegalArgumentException("ledger.engagement-defaults.back-dating-days and forward-dating-days "
                    + "are never negative, were " + backDatingDays + " and " + forwardDatingDays);
        }
    }

    /** {@code date} itself, if it lies within the windows around {@code today}. */
    LocalDate check(String field, LocalDate date, LocalDate today) {
        LocalDate earliest = today.minusDays(backDatingDays);
        if (date.isBefore(earliest)) {
            throw RuleViolation.invalid(field, "back-dating-window", date + " lies more than " + backDatingDays
                    + " days before today (" + today + "): " + earliest + " is the earliest date that can still be "
                    + "recorded");
        }
        LocalDate latest = today.plusDays(forwardDatingDays);
        if (date.isAfter(latest)) {
            throw RuleViolation.invalid(field, "forward-dating-window", date + " lies more than "
                    + forwardDatingDays + " days after today (" + today + "): " + latest + " is the latest date "
                    + "that can be recorded");
        }
        return date;
    }
}
