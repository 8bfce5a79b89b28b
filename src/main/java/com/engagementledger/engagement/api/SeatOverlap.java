package com.engagementledger.engagement.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The incoming professional of replacement {@code replacementId} working in the seat beside its holder from {@code
 * from} to {@code to}, both included; those days are billed at the seat's rate, or at 0 when {@code zeroRated}.
 */
public record SeatOverlap(String replacementId, String professionalId, String professionalName, LocalDate from,
                          LocalDate to, boolean zeroRated) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * The overlap as it ran when it stopped after {@code lastDay}: shortened to it, or nothing when no day ran (a
     * null {@code lastDay}, or one before its first day).
     */
    public Optional<SeatOverlap> ranUntil(LocalDate lastDay) {
        if (lastDay == null || lastDay.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(new SeatOverlap(replacementId, professionalId, professionalName, from,
                lastDay.isBefore(to) ? lastDay : to, zeroRated));
    }
}
