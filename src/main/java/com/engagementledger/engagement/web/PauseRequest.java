package com.engagementledger.engagement.web;

import java.time.LocalDate;

/**
 * The first day not billed; today if left out.
 */
public record PauseRequest(LocalDate pauseDate) {
}
