package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * A professional holding a seat from {@code from} until the next holder's first day (or the seat's end): the first
 * holder from the seat's start, each later one from the swap day of a completed replacement.
 */
public record SeatHolder(String professionalId, String professionalName, LocalDate from) {
}
