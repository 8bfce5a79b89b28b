package com.engagementledger.invoicing.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What the engagement needs from other aggregates to compute an invoice, asked while it handles a command (or while
 * it is loaded read-only for a view): the approved hours of its seats, read from their week's timesheets, and the
 * service credits its replacements granted.
 */
public interface BillingInputs {

    /** The approved hours of {@code seatIds} on the days {@code from} to {@code to}, both included. */
    List<ApprovedHours> approvedHours(String engagementId, Collection<String> seatIds, LocalDate from, LocalDate to);

    /** The credits granted by {@code replacementIds}, in that order; a replacement that granted none is left out. */
    List<CreditDue> creditsGranted(Collection<String> replacementIds);
}
