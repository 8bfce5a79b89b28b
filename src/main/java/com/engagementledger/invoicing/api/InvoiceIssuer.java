package com.engagementledger.invoicing.api;

/**
 * Issues a draft in the caller's thread ({@link IssueInvoice}'s three steps, ADR 0032). The web layer calls it
 * directly rather than through the command bus: a command handler would hold a database connection for the whole
 * issue while each step takes another, so a burst of issues could drain the pool; and the steps keep the caller's
 * identity and request for the audit trail.
 */
public interface InvoiceIssuer {

    IssuedInvoice issue(IssueInvoice command);
}
