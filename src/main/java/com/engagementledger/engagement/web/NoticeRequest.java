package com.engagementledger.engagement.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Notice, given today: the last billed day, and for a termination for cause the reason (then required). An
 * ordinary notice need not say {@code forCause}: left out, it is false.
 */
public record NoticeRequest(@NotNull LocalDate lastDay, Boolean forCause, @Size(max = 2000) String reason) {
}
