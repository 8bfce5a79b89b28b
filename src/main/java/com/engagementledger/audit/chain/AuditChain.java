package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.CheckpointPage;
import com.engagementledger.audit.api.KeyRotated;
import com.engagementledger.audit.api.VerificationReport;
import com.engagementledger.audit.api.ChainExportSink;
import com.engagementledger.audit.api.HashChain;
import com.engagementledger.audit.api.StoredEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the audit endpoints ask of the hash chain: verify it, list its checkpoints, give its public keys, rotate the
 * signing key.
 */
public class AuditChain {

    private final ChainStore store;
    private final AuditKeyRing keys;
    private final AuditChainBuilder builder;
    private final ChainVerifier verifier;

    AuditChain(ChainStore store, AuditKeyRing keys, AuditChainBuilder builder, ChainVerifier verifier) {
        this.store = store;
        this.keys = keys;
        this.builder = builder;
        this.verifier = verifier;
    }

    /** Recomputes the chain from the event store and checks it against the recorded links and checkpoints. */
    public VerificationReport verify() {
        return verifier.verify();
    }

    /**
     * Signs a checkpoint at the chain's progress (unless one is there already), then feeds every position up to it,
     * with its recorded link, and every checkpoint up to it, to {@code sink} in position order, a range of positions
     * at a time (bounded memory); so the export ends with a signed checkpoint covering its last position, and nothing
     * in it is left unsigned (ADR 0029). A position whose link was recorded but whose event is gone is left out, so
     * that a verifier of the export finds it missing.
     */
    public void export(ChainExportSink sink) {
        long last = builder.seal();
        long checkpointsAfter = 0;
        for (long first = 1; first <= last; first += ChainVerifier.CHUNK) {
            long chunkLast = Math.min(last, first + ChainVerifier.CHUNK - 1);
            Map<Long, StoredEvent> events = new HashMap<>();
            store.events(first, chunkLast).forEach(event -> events.put(event.position(), event));
            Map<Long, Link> links = new HashMap<>();
            store.links(first, chunkLast).forEach(link -> links.put(link.position(), link));
            List<Checkpoint> checkpoints = store.checkpointsAfter(checkpointsAfter, ChainVerifier.CHUNK).stream()
                    .filter(checkpoint -> checkpoint.position() <= chunkLast).toList();
            Iterator<Checkpoint> nextCheckpoint = checkpoints.iterator();
            Checkpoint checkpoint = nextCheckpoint.hasNext() ? nextCheckpoint.next() : null;
            for (long position = first; position <= chunkLast; position++) {
                StoredEvent event = events.get(position);
                Link link = links.get(position);
                if (event != null) {
                    sink.event(event, link == null ? null : link.hash());
                } else if (link == null || link.hash() == null) {
                    sink.empty(position);
                }
                while (checkpoint != null && checkpoint.position() <= position) {
                    sink.checkpoint(checkpoint);
                    checkpointsAfter = checkpoint.position();
                    checkpoint = nextCheckpoint.hasNext() ? nextCheckpoint.next() : null;
                }
            }
        }
    }

    /** Up to {@code limit} checkpoints after the position {@code after}, in order. */
    public CheckpointPage checkpoints(long after, int limit) {
        List<Checkpoint> items = store.checkpointsAfter(after, limit + 1);
        if (items.size() <= limit) {
            return new CheckpointPage(items, null);
        }
        List<Checkpoint> page = items.subList(0, limit);
        return new CheckpointPage(List.copyOf(page), Long.toString(page.get(limit - 1).position()));
    }

    /** The PEM of the public key {@code keyId}, or of the current key when null. */
    public Optional<String> publicKey(String keyId) {
        return keys.publicKeyPem(keyId == null ? keys.currentId() : keyId);
    }

    /**
     * The chain's link before the event at {@code position}: the link after the last event at an earlier position,
     * which the event's own link was computed from; the genesis link (64 zeros) before the first event.
     */
    public String linkBefore(long position) {
        return store.headAt(position - 1).orElse(HashChain.hex(HashChain.GENESIS));
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    /** Signs a last checkpoint with the current key, then makes a new key the current one. */
    public KeyRotated rotateKey() {
        return builder.rotate();
    }
}
