package com.engagementledger.invoicing.api;

/**
 * Issues a draft (handled by the issuing component, not an aggregate, ADR 0032): the engagement closes the period
 * ({@link CloseInvoicedPeriod}: the commit point), the year's numbering assigns the next number
 * ({@link AssignInvoiceNumber}), the invoice records it ({@link RecordInvoiceIssue}). A process finishes an issue
 * whose period was closed when the application stopped in between, so no number is ever left unused. The result is
 * an {@link IssuedInvoice}.
 *
 * @param expectedVersion the invoice's version the caller saw (If-Match); null to skip the check
 */
public record IssueInvoice(String invoiceId, Long expectedVersion) {
}
