package com.engagementledger.engagement.web;

import java.time.LocalDate;

/**
 * When the trial starts; today if left out.
 */
public record StartTrialRequest(LocalDate startDate) {
}
