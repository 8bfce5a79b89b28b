package com.engagementledger.engagement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The pause from {@code pauseDate} was withdrawn before it started: those days are billed as if it never was.
 */
@Revision("1")
public record PauseWithdrawn(String engagementId, LocalDate pauseDate, LocalDate withdrawnOn, String reason) {
}
