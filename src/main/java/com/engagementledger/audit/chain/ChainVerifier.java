package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.Canonical;
import com.engagementledger.audit.api.ChainVerification;
import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.api.VerificationReport;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the audit hash chain from the event store, a range of positions at a time (bounded memory; each
 * range's events canonicalized in parallel on the common pool, then hashed in order), and
 * compares it with the recorded links and every signed checkpoint, up to where the chain has got; no checkpoint may
 * lie beyond that (the history's end was cut off); the next event, not linked yet, must at least be linkable.
 */
class ChainVerifier {

    static final int CHUNK = 2_000;

    private final ChainStore store;
    private final AuditKeyRing keys;
    private final int checkpointEvery;

    ChainVerifier(ChainStore store, AuditKeyRing keys, int checkpointEvery) {
        this.store = store;
        this.keys = keys;
        this.checkpointEvery = checkpointEvery;
    }

    VerificationReport verify() {
        long last = store.progress().position();
        ChainVerification verification = new ChainVerification(checkpointEvery);
        Checkpoints checkpoints = new Checkpoints(last);
        for (long first = 1; first <= last && !verification.failed(); first += CHUNK) {
            long chunkLast = Math.min(last, first + CHUNK - 1);
            List<StoredEvent> chunk = store.events(first, chunkLast);
            List<Canonical> canonical = Canonical.ofAll(chunk);
            int index = 0;
            Iterator<Link> links = store.links(first, chunkLast).iterator();
            Link link = next(links);
            for (long position = first; position <= chunkLast && !verification.failed(); position++) {
                StoredEvent here = index < chunk.size() && chunk.get(index).position() == position
                        ? chunk.get(index) : null;
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
