package com.engagementledger.platform.store;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The base of a projection that keeps one kind of document per id. A handler names the document an event changes,
 * the event's source and sequence, and the pure step from the document as it was (null if there is none) to the
 * next one (null to delete it); this class skips events the document has applied before, remembers the new one, and
 * writes through the batch ({@link BatchedWrites}). The steps, free of storage, can be replayed elsewhere too
 * ({@link Evolution}). A reset clears every collection of the read model; during a blue/green rebuild, the new
 * collections the replay fills ({@link ReadModelRebuilds}), while queries read the old ones.
 *
 * @param <D> the document
 */
public abstract class DocumentProjection<D extends ReadModelDocument> {

    private final ReadModel readModel;
    private final Class<D> type;
    private final BatchedWrites writes;

    protected DocumentProjection(ReadModel readModel, Class<D> type, BatchedWrites writes) {
        this.readModel = readModel;
        this.type = type;
        this.writes = writes;
    }

    /**
     * Applies event {@code sequence} of {@code source} to document {@code id} through {@code step}, unless the
     * document has applied it before.
     */
    protected final void apply(Object id, String source, long sequence, UnaryOperator<D> step) {
        D current = writes.find(type, id);
        if (current != null && current.hasApplied(source, sequence)) {
            return;
        }
        D next = step.apply(current);
        if (next == null) {
            if (current != null) {
                writes.delete(type, id);
            }
            return;
        }
        next.applied(current, source, sequence);
        writes.save(id, next);
    }

    @ResetHandler
    public void reset() {
        for (ReadModelCollection collection : readModel.collections()) {
            writes.deleteAll(collection.documentType());
        }
    }
}
