package com.engagementledger.invoicing.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The billing basis of an engagement as its command side knows it now, for the views that price work not yet
 * invoiced (unbilled, reconciliation): its calendar, trial, the approved hours of its seats between {@code from}
 * and {@code to}, and the credits granted and not on an issued invoice. Empty for an unknown engagement.
 */
public interface BillingBases {

    Optional<BillingBasis> of(String engagementId, LocalDate from, LocalDate to);

    /** The engagement's time zone, client and first billed day, which the views need around the basis. */
    Optional<BillingParty> party(String engagementId);

    record BillingParty(String engagementId, String clientId, String clientName, String currency, String timeZone,
                        LocalDate firstBilledDay, LocalDate lastDay) {
    }
}
