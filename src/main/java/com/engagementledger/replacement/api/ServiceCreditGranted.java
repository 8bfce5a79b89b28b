package com.engagementledger.replacement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The service credit of a free replacement whose SLA was missed, fixed when a candidate was finally accepted or the
 * replacement withdrawn ({@code grantedOn}): {@code businessDaysLate} × the seat's day rate ({@link ServiceCredit}).
 * Billing puts it, negative, on the engagement's next invoice.
 */
@Revision("1")
public record ServiceCreditGranted(String replacementId, String engagementId, String seatId, int businessDaysLate,
                                   BigDecimal amount, String currency, LocalDate grantedOn) {
}
