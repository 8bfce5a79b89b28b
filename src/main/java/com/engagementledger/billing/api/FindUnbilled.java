package com.engagementledger.billing.api;

import java.time.LocalDate;

/**
 * The work done up to and including {@code asOf} that no invoice issued by then covers, for a page of engagements
 * (by engagement id).
 */
public record FindUnbilled(LocalDate asOf, int page, int size) {
}
