package com.engagementledger.invoicing.api;

import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Drafts (or regenerates) the invoice of one engagement for one calendar month in its time zone. The engagement
 * handles it: it owns the seat calendar, the trial, the seats' replacements and which of its periods are already
 * invoiced. The first draft of a period records {@link InvoiceDraftOpened} on the engagement and creates the invoice
 * ({@link InvoiceDrafted}) in the same unit of work; a later one regenerates that draft
 * ({@link InvoiceDraftRegenerated}). The result is the draft's invoice id (the existing draft's on regeneration).
 * Refused: an issued period (naming the invoice), a period before the engagement's first billed month or after the
 * current month, an engagement that never started or was cancelled.
 *
 * @param invoiceId the id a new draft gets (ignored when the period already has a draft)
 */
public record DraftInvoice(@TargetAggregateIdentifier String engagementId, String invoiceId, YearMonth period) {
}
