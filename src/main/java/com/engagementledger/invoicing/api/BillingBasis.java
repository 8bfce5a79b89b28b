package com.engagementledger.invoicing.api;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.SeatCalendar;
import java.util.Currency;
import java.util.List;

/**
 * Everything an invoice of one engagement is computed from: its seats over time (the engagement's
 * {@link SeatCalendar}, in its own zone's local dates), its billing model and trial, the approved hours of its
 * seats and the service credits it owes.
 *
 * @param trial   the engagement's trial; null when it had none
 * @param hours   approved hours per seat and day; only an {@code HOURLY} engagement bills them
 * @param credits the credits granted and not yet invoiced, each in the engagement's currency
 */
public record BillingBasis(String engagementId, Currency currency, BillingModel billingModel, SeatCalendar calendar,
                           TrialPeriod trial, List<ApprovedHours> hours, List<CreditDue> credits) {

    public BillingBasis {
        hours = List.copyOf(hours);
        credits = List.copyOf(credits);
    }
}
