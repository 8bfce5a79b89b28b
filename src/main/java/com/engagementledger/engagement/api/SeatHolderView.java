package com.engagementledger.engagement.api;

import java.time.LocalDate;

/**
 * One professional's time in a seat: from {@code from} until {@code to}, both included; {@code to} is null for the
 * seat's last holder, who holds it until the seat ends.
 */
public record SeatHolderView(String professionalId, String professionalName, LocalDate from, LocalDate to) {
}
