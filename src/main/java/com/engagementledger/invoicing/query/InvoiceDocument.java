package com.engagementledger.invoicing.query;

import com.engagementledger.invoicing.api.InvoiceStatus;
import com.engagementledger.platform.store.ReadModelDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The invoice read model, one document per invoice. Amounts are BigDecimal, stored as Decimal128, which keeps their
 * scale (EUR 9800.00 comes back 9800.00, JPY 677419 as 677419). {@code status} is the status the events recorded;
 * whether the invoice is overdue depends on the day asked and is left to the query side. {@code version} is the
 * sequence number of the invoice's last event.
 */
@Document(InvoiceDocument.COLLECTION)
public class InvoiceDocument extends ReadModelDocument {

    public static final String COLLECTION = "invoices";

    @Id
    String invoiceId;
    long version = -1;
    String number;
    String engagementId;
    String clientId;
    String clientName;
    /** {@code YYYY-MM}: sorts as it reads. */
    String period;
    String timeZone;
    int paymentTermsDays;
    InvoiceStatus status;
    String currency;
    /** When the draft was first recorded: the newest of one period first. */
    Instant draftedAt;
    LocalDate computedOn;
    LocalDate issueDate;
    LocalDate dueDate;
    List<LineDocument> lines = new ArrayList<>();
    BigDecimal total;
    BigDecimal paid;
    BigDecimal refunded;
    BigDecimal chargedBack;
    BigDecimal credited;
    BigDecimal balance;
    List<MovementDocument> movements = new ArrayList<>();
    List<DisputeDocument> disputes = new ArrayList<>();
    LocalDate voidedOn;
    String voidReason;
}
