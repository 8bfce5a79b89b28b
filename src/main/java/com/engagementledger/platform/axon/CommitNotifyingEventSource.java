package com.engagementledger.platform.axon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as a source for pooled streaming processors, telling them when this node has committed events.
 *
 * <p>Axon's embedded event store offers no availability callback, so an idle pooled streaming processor looks for
 * new events only every 500 ms: a command's effect reached the read model about 500 ms later, every time. This
 * source wakes the processors right after a commit that stored events. Where the store's own stream has a callback
 * (Axon Server), that one is used. Events committed by other nodes on a shared database are still found by
 * polling, every token claim interval.
 */
public class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** How long a woken stream waits for the store to hand out the events that were just committed. */
    private static final int HANDOVER_MILLIS = 100;

    private final EventStore store;
    private final Set<NotifyingStream> streams = new CopyOnWriteArraySet<>();

    public CommitNotifyingEventSource(EventStore store) {
        this.store = store;
        whenCommitted(store, this::wakeStreams);
    }

    /**
     * Runs {@code listener} right after this node commits events to {@code store} (at once for events published
     * outside a unit of work), for any component that reads the event store itself and would otherwise poll.
     */
    public static void whenCommitted(EventStore store, Runnable listener) {
        store.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> listener.run());
            } else {
                listener.run();
            }
        });
    }

    private void wakeStreams() {
        streams.forEach(NotifyingStream::wake);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new NotifyingStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final AtomicBoolean committed = new AtomicBoolean();
        private volatile Runnable callback;

        private NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void wake() {
            committed.set(true);
            Runnable onAvailable = callback;
            if (onAvailable != null) {
                onAvailable.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (delegate.setOnAvailableCallback(onAvailable)) {
                return true;
            }
            callback = onAvailable;
            streams.add(this);
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            if (committed.getAndSet(false)) {
                try {
                    return delegate.hasNextAvailable(HANDOVER_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return delegate.hasNextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
