package com.engagementledger.billing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The billable work of one engagement in one month ({@code period}, {@code YYYY-MM}) that no invoice issued by the
 * view's date covers: seat fees of the billed seat days and approved hours ({@code SEAT_FEE} and {@code HOURS}
 * lines, no credits), from its first to its last day with work, up to the view's date. For a month an issued invoice
 * covers, only the hours priced now beyond what that invoice billed for them (hours approved after it was issued).
 */
public record UnbilledRow(String engagementId, String clientId, String currency, String period, LocalDate from,
                          LocalDate to, BigDecimal amount) {
}
