package com.engagementledger.platform.axon;

import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.DocumentProjection;
import com.engagementledger.platform.store.ReadModelDocument;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;

/** The projection of the test's ordered read model; a bean only in the context that declares it. */
@ProcessingGroup(JournalProjection.NAME)
class JournalProjection extends DocumentProjection<Journal> {

    static final String NAME = "journal";
    static final String ONE = "all";
    static final ReadModel READ_MODEL = ReadModel.ordered(NAME, ReadModelCollection.of(Journal.class));

    JournalProjection(BatchedWrites writes) {
        super(READ_MODEL, Journal.class, writes);
    }

    @EventHandler
    void on(EngagementProposed event, TrackingToken token) {
        apply(ONE, "event-store", token.position().orElseThrow(), journal -> evolve(journal, event));
    }

    static Journal evolve(Journal previous, EngagementProposed event) {
        Journal next = previous == null ? new Journal() : ReadModelDocument.copyOf(previous);
        next.id = ONE;
        List<String> proposals = new ArrayList<>(next.proposals);
        proposals.add(event.engagementId());
        next.proposals = proposals;
        return next;
    }
}
