package com.engagementledger.invoicing.api;

import com.engagementledger.platform.api.Money;
import java.time.LocalDate;

/**
 * A service credit granted to the client and not yet on an issued invoice.
 */
public record CreditDue(String replacementId, String seatId, LocalDate grantedOn, int businessDaysLate,
                        Money amount) {
}
