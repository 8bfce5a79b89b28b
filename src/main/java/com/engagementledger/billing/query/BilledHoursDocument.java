package com.engagementledger.billing.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The {@code HOURS} lines an issued invoice billed, per seat and rate, so that unbilled work can tell hours approved
 * after the month was invoiced from hours it billed (ADR 0034). Kept apart from {@link BilledInvoiceDocument}, which
 * the aging view reads in full for every invoice there is: only the unbilled view reads these, one engagement at a
 * time. Written once, from {@code InvoiceIssued}, for an invoice with hours lines only; the same lines each time the
 * event is delivered.
 */
@Document(BilledHoursDocument.COLLECTION)
public class BilledHoursDocument {

    public static final String COLLECTION = "billing_invoice_hours";

    @Id
    String invoiceId;
    String engagementId;
    /** {@code YYYY-MM}. */
    String period;
    List<BilledHours> hours = new ArrayList<>();
}
