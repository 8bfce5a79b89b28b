package com.engagementledger.guarantee.api;

import java.time.LocalDate;

/**
 * One seat's guarantee: who holds it now, its window (from the seat's start to {@code guaranteeEndsOn}, both
 * included), the free replacements it has used and has left (none once today is after the window: a request for
 * other than attrition is then billable), and the replacement open on it, if any.
 *
 * @param releaseDate the seat's first day no longer billed; null while it is open-ended
 */
public record GuaranteeSeat(String seatId, String professionalId, String professionalName, LocalDate seatStart,
                            LocalDate releaseDate, LocalDate guaranteeEndsOn, int freeReplacementsUsed,
                            int freeReplacementsLeft, OpenReplacement openReplacement) {
}
