package com.engagementledger.engagement.query;

import java.time.LocalDate;

/**
 * One pause: {@code from} is the first day not billed, {@code until} the first day billed again (null while paused).
 */
public record PauseDocument(LocalDate from, LocalDate until) {
}
