package com.engagementledger.engagement.web;

import java.time.LocalDate;

/**
 * The first billed day of an engagement activated without a trial; today if left out.
 */
public record ActivateRequest(LocalDate activationDate) {
}
