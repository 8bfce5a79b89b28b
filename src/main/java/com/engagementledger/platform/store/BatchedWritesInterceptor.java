package com.engagementledger.platform.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Flushes a read model's coalesced writes after the last event of each batch, whether or not its handler changed
 * anything: a write left pending would be lost while the token moves on.
 */
public class BatchedWritesInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final BatchedWrites writes;
    private final String processingGroup;
    private final boolean liveObjects;

    public BatchedWritesInterceptor(BatchedWrites writes) {
        this(writes, null);
    }

    /** For the processor of {@code processingGroup}, whose writes go to the shadows while it rebuilds. */
    public BatchedWritesInterceptor(BatchedWrites writes, String processingGroup) {
        this(writes, processingGroup, false);
    }

    /**
     * As {@link #BatchedWritesInterceptor(BatchedWrites, String)}; {@code liveObjects} for a processor whose failed
     * batch is discarded whole (an ordered read model, without dead-lettering): its batches keep their documents as
     * objects ({@link BatchedWrites}).
     */
    public BatchedWritesInterceptor(BatchedWrites writes, String processingGroup, boolean liveObjects) {
        this.writes = writes;
        this.processingGroup = processingGroup;
        this.liveObjects = liveObjects;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        writes.enable(unitOfWork, processingGroup, liveObjects);
        try {
            return chain.proceed();
        } finally {
            // also when the last event failed: if the batch rolls back, its token stays and the versions make the
            // reprocessing harmless; if it does not, the token moves on and these writes must be there
            writes.flushIfLast(unitOfWork);
        }
    }
}
