package com.engagementledger.billing.query;

import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The engagements finance's unbilled and reconciliation views run over, one small document each, from the
 * engagement's proposal and cancellation: a list of its own rather than the engagements read model's pages, so the
 * views depend on no other feature's query model (ADR 0034).
 */
@Component
@ProcessingGroup(BillingEngagementsProjection.PROCESSING_GROUP)
public class BillingEngagementsProjection extends DocumentProjection<BillingEngagementDocument> {

    public static final String PROCESSING_GROUP = "billing-engagements";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP,
            ReadModelCollection.of(BillingEngagementDocument.class));

    public BillingEngagementsProjection(BatchedWrites writes) {
        super(READ_MODEL, BillingEngagementDocument.class, writes);
    }

    @EventHandler
    void on(EngagementProposed event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static BillingEngagementDocument evolve(BillingEngagementDocument previous, EngagementProposed event) {
        BillingEngagementDocument doc = new BillingEngagementDocument();
        doc.engagementId = event.engagementId();
        doc.clientId = event.clientId();
        doc.currency = event.currency();
        return doc;
    }

    @EventHandler
    void on(EngagementCancelled event, @SequenceNumber long sequence) {
        apply(event.engagementId(), event.engagementId(), sequence, doc -> evolve(doc, event));
    }

    static BillingEngagementDocument evolve(BillingEngagementDocument previous, EngagementCancelled event) {
        if (previous == null) {
            throw new IllegalStateException("No billing engagement to apply " + event
                    + " to: its proposal was never projected");
        }
        BillingEngagementDocument doc = ReadModelDocument.copyOf(previous);
        doc.cancelled = true;
        return doc;
    }
}
