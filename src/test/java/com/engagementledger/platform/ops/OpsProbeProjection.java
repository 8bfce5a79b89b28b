package com.engagementledger.platform.ops;

import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

/**
 * A per-aggregate test read model with two switches: one that makes the proposals of clients named poison-* fail
 * (a bug, fixed by turning it off), one that slows every event down (so that a replay lasts long enough to watch).
 */
@ProcessingGroup(OpsProbeProjection.NAME)
class OpsProbeProjection extends DocumentProjection<OpsProbe> {

    static final String NAME = "ops-probe";
    static final ReadModel READ_MODEL = ReadModel.of(NAME, ReadModelCollection.of(OpsProbe.class));
    static volatile boolean poisoned;
    static volatile long millisPerEvent;

    OpsProbeProjection(BatchedWrites writes) {
        super(READ_MODEL, OpsProbe.class, writes);
    }

    @EventHandler
    void on(EngagementProposed event, DomainEventMessage<?> message) throws InterruptedException {
        if (poisoned && event.clientId().startsWith("poison")) {
            throw new IllegalStateException("cannot project client " + event.clientId());
        }
        if (millisPerEvent > 0) {
            Thread.sleep(millisPerEvent);
        }
        apply(event.engagementId(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                probe -> evolve(probe, event));
    }

    static OpsProbe evolve(OpsProbe previous, EngagementProposed event) {
        OpsProbe next = previous == null ? new OpsProbe() : ReadModelDocument.copyOf(previous);
        next.id = event.engagementId();
        next.clientId = event.clientId();
        return next;
    }
}
