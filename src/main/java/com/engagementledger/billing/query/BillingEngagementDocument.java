package com.engagementledger.billing.query;

import com.engagementledger.platform.store.ReadModelDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An engagement the unbilled and reconciliation views run over: its id and client; its billing basis (calendar,
 * hours, credits, first and last billed day) comes from the command side's {@code BillingBases} when asked.
 */
@Document(BillingEngagementDocument.COLLECTION)
public class BillingEngagementDocument extends ReadModelDocument {

    public static final String COLLECTION = "billing_engagements";

    @Id
    String engagementId;
    String clientId;
    String currency;
    /** A proposal withdrawn before it started: never billed. */
    boolean cancelled;
}
