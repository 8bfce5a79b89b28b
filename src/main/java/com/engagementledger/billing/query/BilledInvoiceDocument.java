package com.engagementledger.billing.query;

import com.engagementledger.platform.store.ReadModelDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One invoice as finance's billing views need it, and nothing more (the embedded MongoDB scans every document of a
 * view, ADR 0034): who and what it bills, when it was issued and due, its total, the service credits on it, the day
 * it was voided, and its dated money movements, from which its balance on any day follows. Created by the draft
 * (which alone names the client); a draft that was never issued counts in no view.
 */
@Document(BilledInvoiceDocument.COLLECTION)
public class BilledInvoiceDocument extends ReadModelDocument {

    public static final String COLLECTION = "billing_invoices";

    @Id
    String invoiceId;
    String engagementId;
    String clientId;
    String clientName;
    String currency;
    /** {@code YYYY-MM}. */
    String period;
    boolean issued;
    LocalDate issueDate;
    LocalDate dueDate;
    BigDecimal total;
    /** The sum of the issued invoice's {@code SERVICE_CREDIT} lines (zero or negative). */
    BigDecimal serviceCredits;
    /** The balance after the last movement recorded, as the invoice gave it. */
    BigDecimal balance;
    /** Set only for an issued invoice that was voided. */
    LocalDate voidedOn;
    List<Movement> movements = new ArrayList<>();
}
