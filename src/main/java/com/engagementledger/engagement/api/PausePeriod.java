package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * One pause: {@code from} is the first day not billed, {@code until} the first day billed again (null while no
 * resume is recorded).
 */
public record PausePeriod(LocalDate from, LocalDate until) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }
}
