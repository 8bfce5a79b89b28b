package com.engagementledger.platform.axon;

import java.util.List;

/**
 * One read model: its name, which is also the processing group of its one projection, and the collections it
 * owns. Declaring one as a bean is all a feature does: the platform runs the projection on its own processor, creates
 * the collections' indexes at start-up, clears the collections when the processor is reset, and rebuilds them
 * blue/green on request (ADR 0036). Batch size and segments come from {@code ledger.projections.<name>}
 * ({@link ProjectionSettings}).
 *
 * @param name        the processing group of the projection
 * @param ordering    whether the projection sees events per source or strictly in the global order
 * @param collections the collections the projection writes, with their indexes
 */
public record ReadModel(String name, Ordering ordering, List<ReadModelCollection> collections) {

    public enum Ordering {
        /**
         * A pooled processor whose token and dead letters live in MongoDB beside the documents: events of one
         * aggregate arrive in order, a poison event parks only its aggregate's later events.
         */
        PER_AGGREGATE,
        /**
         * One segment, no dead-lettering, the token in MongoDB beside the documents: every event in the global
         * order of the event store, and a failing event stops the projection until it is fixed.
         */
        GLOBAL
    }

    public ReadModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a read model needs a name");
        }
        collections = List.copyOf(collections);
    }

    public static ReadModel of(String name, ReadModelCollection... collections) {
        return new ReadModel(name, Ordering.PER_AGGREGATE, List.of(collections));
    }

    public static ReadModel ordered(String name, ReadModelCollection... collections) {
        return new ReadModel(name, Ordering.GLOBAL, List.of(collections));
    }
}
