package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.CheckpointPage;
import com.engagementledger.audit.api.KeyRotated;
import com.engagementledger.audit.api.VerificationReport;
import java.util.List;
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

    public String currentKeyId() {
        return keys.currentId();
    }

    /** Signs a last checkpoint with the current key, then makes a new key the current one. */
    public KeyRotated rotateKey() {
        return builder.rotate();
    }
}
