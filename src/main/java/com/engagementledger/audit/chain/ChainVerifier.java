package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.Canonical;
import com.engagementledger.audit.api.ChainVerification;
import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.api.VerificationReport;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recomputes the audit hash chain from the event store, a range of positions at a time (bounded memory: the range
 * being checked and the next one, which a reader thread fetches meanwhile; each range's events canonicalized in
 * parallel on the common pool, then hashed in order), and
 * compares it with the recorded links and every signed checkpoint, up to where the chain has got; no checkpoint may
 * lie beyond that (the history's end was cut off); the next event, not linked yet, must at least be linkable. First
 * of all, the progress row must agree with the recorded links ({@link ProgressCheck}): verification stops there.
 */
class ChainVerifier {

    static final int CHUNK = 2_000;
    private static final long READ_TIMEOUT_MINUTES = 5;

    private final ChainStore store;
    private final AuditKeyRing keys;
    private final int checkpointEvery;
    /** Reads the next range of positions while the current one is checked; its thread ends when idle. */
    private final ExecutorService reader;

    ChainVerifier(ChainStore store, AuditKeyRing keys, int checkpointEvery) {
        this.store = store;
        this.keys = keys;
        this.checkpointEvery = checkpointEvery;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "audit-verify-reader");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.reader = pool;
    }

    VerificationReport verify() {
        Optional<ProgressCheck> changed = ProgressCheck.of(store);
        if (changed.isPresent()) {
            return new VerificationReport(false, 0, 0, changed.get().position() - 1, changed.get().position(),
                    changed.get().problem());
        }
        long last = store.progress().position();
        ChainVerification verification = new ChainVerification(checkpointEvery);
        Checkpoints checkpoints = new Checkpoints(last);
        Future<Chunk> next = last < 1 ? null : reader.submit(() -> read(1, last));
        try {
            while (next != null && !verification.failed()) {
                Chunk chunk = await(next);
                next = chunk.last() < last ? reader.submit(() -> read(chunk.last() + 1, last)) : null;
                check(chunk, verification, checkpoints);
            }
        } finally {
            if (next != null) {
                next.cancel(false);
            }
        }
        // a checkpoint signed while this ran lies at or below the progress read after it; one above was left behind
        Optional<Checkpoint> lastCheckpoint = store.lastCheckpoint();
        if (lastCheckpoint.isPresent() && lastCheckpoint.get().position() > store.progress().position()) {
            verification.checkpointBeyondEnd(lastCheckpoint.get());
        }
        verification.end();
        if (!verification.failed()) {
            store.eventsAfter(last, 1).forEach(verification::unlinked);
        }
        return verification.report();
    }

    /** The events and recorded links of the positions from {@code first} on, up to a chunk's worth or {@code last}. */
    private Chunk read(long first, long last) {
        long chunkLast = Math.min(last, first + CHUNK - 1);
        return new Chunk(first, chunkLast, store.events(first, chunkLast), store.links(first, chunkLast));
    }

    private record Chunk(long first, long last, List<StoredEvent> events, List<Link> links) {
    }

    private static Chunk await(Future<Chunk> chunk) {
        try {
            // a chunk of a few thousand rows; a store that does not answer in minutes is down
            return chunk.get(READ_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            chunk.cancel(true);
            throw new IllegalStateException("the event store did not answer within " + READ_TIMEOUT_MINUTES
                    + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void check(Chunk chunk, ChainVerification verification, Checkpoints checkpoints) {
        List<StoredEvent> events = chunk.events();
        List<Canonical> canonical = Canonical.ofAll(events);
        int index = 0;
        Iterator<Link> links = chunk.links().iterator();
        Link link = next(links);
        for (long position = chunk.first(); position <= chunk.last() && !verification.failed(); position++) {
            StoredEvent here = index < events.size() && events.get(index).position() == position
                    ? events.get(index) : null;
            Link recorded = link != null && link.position() == position ? link : null;
            if (here != null) {
                verification.event(here, canonical.get(index), recorded == null ? null : recorded.hash());
                index++;
            } else {
                verification.noEvent(position, recorded == null ? null : recorded.hash());
            }
            if (recorded != null) {
                link = next(links);
            }
            checkpoints.feedUpTo(position, verification);
        }
    }

    private static <T> T next(Iterator<T> iterator) {
        return iterator.hasNext() ? iterator.next() : null;
    }

    /** The checkpoints up to a position, read a page at a time as the verification passes them. */
    private final class Checkpoints {
        private final long last;
        private Iterator<Checkpoint> page = List.<Checkpoint>of().iterator();
        private Checkpoint next;
        private long after;

        private Checkpoints(long last) {
            this.last = last;
            advance();
        }

        void feedUpTo(long position, ChainVerification verification) {
            while (next != null && next.position() <= position && !verification.failed()) {
                verification.checkpoint(next, keys.publicKey(next.keyId()).orElse(null));
                advance();
            }
        }

        private void advance() {
            if (!page.hasNext()) {
                page = store.checkpointsAfter(after, CHUNK).iterator();
            }
            next = page.hasNext() ? page.next() : null;
            if (next != null) {
                after = next.position();
                if (next.position() > last) {
                    next = null;
                }
            }
        }
    }
}
