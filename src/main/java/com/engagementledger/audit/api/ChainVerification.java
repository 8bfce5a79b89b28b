package com.engagementledger.audit.api;

import java.security.PublicKey;
import java.util.Arrays;

/**
 * Recomputes the audit hash chain from events and compares it with what was recorded when the chain was built: the
 * link recorded for each position, and signed checkpoints. Fed in global order, one position at a time, it keeps only
 * the running link, so any number of events is checked in constant memory; it stops at the first problem. The same
 * check serves the event store (the server's {@code /api/audit/verify}) and an export, which carries each event's
 * recorded link.
 *
 * <p>What each finding means: an event whose recomputed link differs from the recorded one was altered (every
 * earlier link matched, so it is this event); a recorded link without an event means the event was removed; an event
 * at a position recorded as holding none was inserted. A checkpoint whose signature fails was forged or altered; one whose chain hash differs from the
 * recomputed chain, with every link matching, means the recorded links were rewritten together with the events:
 * the change lies after the previous checkpoint, and the position cannot be narrowed down further. A checkpoint
 * beyond the last position fed means the end of the history was cut off; checkpoints (or the last one and the end)
 * more than checkpoint-every events apart mean checkpoints were deleted. An export must
 * moreover end with a signed checkpoint at its last position ({@link #sealedEnd()}): what follows the last signature
 * is only self-consistent, never proven.
 */
public final class ChainVerification {

    private final long checkpointEvery;
    private byte[] head = HashChain.GENESIS;
    private long events;
    private long checkpoints;
    private long lastPosition;
    private long lastCheckpointPosition;
    private long lastCheckpointEvents;
    private Long firstBadPosition;
    private String problem;

    /** A verification that cannot tell whether checkpoints are missing (the chain's checkpoint-every is unknown). */
    public ChainVerification() {
        this(0);
    }

    /**
     * A verification that also requires the chain's checkpoints no more than {@code checkpointEvery} events apart, as
     * the builder signs them (0: not checked): a wider span means checkpoints were deleted.
     */
    public ChainVerification(long checkpointEvery) {
        this.checkpointEvery = checkpointEvery;
    }

    /** Whether a problem was found (feeding more changes nothing then). */
    public boolean failed() {
        return problem != null;
    }

    /**
     * The event stored at its position, with the link recorded for that position: null when the chain recorded the
     * position as holding no event.
     */
    public void event(StoredEvent event, String recordedLink) {
        event(event, Canonical.of(event), recordedLink);
    }

    /** The same, with the event's canonical form computed beforehand ({@link Canonical#ofAll}). */
    public void event(StoredEvent event, Canonical canonical, String recordedLink) {
        if (failed()) {
            return;
        }
        long position = event.position();
        if (recordedLink == null) {
            fail(position, "the event at position " + position + " (" + event.eventId() + ") was not in the event"
                    + " store when the chain passed this position: it was inserted");
            return;
        }
        if (canonical.failure() != null) {
            fail(position, canonical.failure().getMessage() + ": the event was altered");
            return;
        }
        byte[] link = HashChain.link(head, canonical.bytes());
        if (!Arrays.equals(link, HashChain.fromHex(recordedLink))) {
            fail(position, "the event at position " + position + " (" + event.eventId() + ") is not the one the chain"
                    + " linked: it was altered");
            return;
        }
        head = link;
        events++;
        lastPosition = position;
    }

    /** A position that holds no event now, with the link recorded for it (null: recorded as holding none). */
    public void noEvent(long position, String recordedLink) {
        if (failed()) {
            return;
        }
        if (recordedLink != null) {
            fail(position, "the event the chain linked at position " + position + " is gone: it was removed");
            return;
        }
        lastPosition = position;
    }

    /**
     * The first event after the positions fed, which the chain has not linked yet: it must at least have a canonical
     * form, or the chain stops before it for good (and the event was altered before it could be linked).
     */
    public void unlinked(StoredEvent event) {
        if (failed()) {
            return;
        }
        try {
            CanonicalEvent.bytes(event);
        } catch (UnreadableEventException e) {
            fail(event.position(), e.getMessage() + ": the event was altered before the chain could link it, and"
                    + " the chain stops there");
        }
    }

    /**
     * A checkpoint, once every position up to its own was fed; {@code key} is the public key its key id names, null
     * when that key is unknown.
     */
    public void checkpoint(Checkpoint checkpoint, PublicKey key) {
        if (failed()) {
            return;
        }
        long position = checkpoint.position();
        if (key == null) {
            fail(position, "the checkpoint at position " + position + " names key " + checkpoint.keyId()
                    + ", which is not known: the verifier trusts no other keys than those it was given (on the server,"
                    + " the key directory and configuration, never a key only the database holds)");
        } else if (!SigningKeys.verify(key, checkpoint)) {
            fail(position, "the signature of the checkpoint at position " + position + " does not verify with key "
                    + checkpoint.keyId() + ": the checkpoint was altered or forged");
        } else if (!HashChain.hex(head).equals(checkpoint.chainHash()) || events != checkpoint.events()) {
            fail(position, "the events up to position " + position + " do not give the chain hash signed at that"
                    + " position, though every recorded link matched: the events after position "
                    + lastCheckpointPosition + " and their recorded links were changed together");
        } else if (tooFarApart(checkpoint.events())) {
            fail(lastCheckpointPosition + 1, "the signed checkpoints at positions " + lastCheckpointPosition
                    + " and " + position + " are " + (checkpoint.events() - lastCheckpointEvents) + " events apart,"
                    + " more than the " + checkpointEvery + " after which one is signed: checkpoints from position "
                    + (lastCheckpointPosition + 1) + " to " + (position - 1) + " were deleted");
        } else {
            checkpoints++;
            lastCheckpointPosition = position;
            lastCheckpointEvents = checkpoint.events();
        }
    }

    /**
     * A signed checkpoint beyond every position fed, once all were fed: the history it signed was cut off (events,
     * their links and the chain's progress removed together), so verification may not end short of it.
     */
    public void checkpointBeyondEnd(Checkpoint checkpoint) {
        if (failed()) {
            return;
        }
        fail(lastPosition + 1, "history truncated after position " + lastPosition + "; signed checkpoint at "
                + checkpoint.position() + " (" + checkpoint.events() + " events): the events from position "
                + (lastPosition + 1) + " on were removed");
    }

    /**
     * Once every position and checkpoint up to the chain's end was fed: more than {@code checkpointEvery} events after
     * the last checkpoint means the checkpoints signed after it were deleted.
     */
    public void end() {
        if (!failed() && tooFarApart(events)) {
            fail(lastCheckpointPosition + 1, (events - lastCheckpointEvents) + " events follow the last signed"
                    + " checkpoint (position " + lastCheckpointPosition + "), more than the " + checkpointEvery
                    + " after which one is signed: the checkpoints from position " + (lastCheckpointPosition + 1)
                    + " on were deleted");
        }
    }

    /**
     * Once a whole export was fed (after {@link #end()}): an export must end with a signed checkpoint covering its last
     * position, since hashes recomputed with {@link HashChain} make any unsigned part agree with itself. An export
     * without an event, without a checkpoint, or with positions after its last checkpoint proves nothing about them,
     * so it fails, naming the first position no checkpoint covers.
     */
    public void sealedEnd() {
        if (failed()) {
            return;
        }
        if (lastPosition == 0) {
            fail(1, "the export holds no event: nothing in it is signed, so it proves nothing (a whole export ends"
                    + " with a signed checkpoint)");
        } else if (checkpoints == 0) {
            fail(1, "the export holds no signed checkpoint: positions 1 to " + lastPosition + " are not covered by"
                    + " any signature, and their hashes can be recomputed by anyone (a whole export ends with a"
                    + " signed checkpoint)");
        } else if (lastPosition > lastCheckpointPosition) {
            fail(lastCheckpointPosition + 1, "positions " + (lastCheckpointPosition + 1) + " to " + lastPosition
                    + " follow the last signed checkpoint (position " + lastCheckpointPosition + "): no signature"
                    + " covers them, so they may have been rewritten or the export's end cut off (a whole export ends"
                    + " with a signed checkpoint at its last position)");
        }
    }

    private boolean tooFarApart(long eventsAt) {
        return checkpointEvery > 0 && eventsAt - lastCheckpointEvents > checkpointEvery;
    }

    /** The link after the last event fed (hex). */
    public String head() {
        return HashChain.hex(head);
    }

    public VerificationReport report() {
        return new VerificationReport(!failed(), events, checkpoints, lastPosition, firstBadPosition, problem);
    }

    private void fail(long position, String what) {
        firstBadPosition = position;
        problem = what;
    }
}
