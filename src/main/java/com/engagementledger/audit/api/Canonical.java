package com.engagementledger.audit.api;

import java.util.List;

/**
 * An event's canonical bytes, or why it has none, computed apart from the chain so that a batch of events can be
 * canonicalized on several cores and then hashed in order (canonicalization is most of the cost of verification).
 *
 * @param bytes   the canonical bytes; null when the event has none
 * @param failure why the event has no canonical form; null when it has
 */
public record Canonical(byte[] bytes, UnreadableEventException failure) {

    public static Canonical of(StoredEvent event) {
        try {
            return new Canonical(CanonicalEvent.bytes(event), null);
        } catch (UnreadableEventException e) {
            return new Canonical(null, e);
        }
    }

    /** The canonical forms of {@code events}, in their order, computed in parallel. */
    public static List<Canonical> ofAll(List<StoredEvent> events) {
        return events.parallelStream().map(Canonical::of).toList();
    }
}
