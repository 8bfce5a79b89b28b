package com.engagementledger.invoicing.api;

import java.time.LocalDate;

/**
 * A dispute of an issued invoice: open until resolved, with a reason each way.
 *
 * @param resolvedOn null while the dispute is open
 */
public record InvoiceDispute(String reason, LocalDate disputedOn, String resolution, LocalDate resolvedOn) {

    public boolean open() {
        return resolvedOn == null;
    }
}
