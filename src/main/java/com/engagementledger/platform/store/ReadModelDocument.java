package com.engagementledger.platform.store;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-model document that remembers, per source, the sequence number of the last event it applied. An event at
 * or below it was applied before and is skipped, so replays and redeliveries change nothing twice, also for a
 * document that events of several aggregates feed (one version field could not tell their sequences apart). A list,
 * not a map: aggregate ids may hold characters that MongoDB refuses in field names.
 */
public abstract class ReadModelDocument {

    private List<SourceSequence> applied = new ArrayList<>();

    /** Whether event {@code sequence} of {@code source}, or a later one, has been applied to this document. */
    public final boolean hasApplied(String source, long sequence) {
        return applied.stream().anyMatch(seen -> seen.source().equals(source) && seen.sequence() >= sequence);
    }

    /**
     * A shallow copy of {@code document}, every field included (also those a feature adds later), for a step to
     * change.
     */
    @SuppressWarnings("unchecked")
    public static <D extends ReadModelDocument> D copyOf(D document) {
        try {
            var constructor = document.getClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            D copy = (D) constructor.newInstance();
            for (Class<?> type = document.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        field.set(copy, field.get(document));
                    }
                }
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(document.getClass() + " cannot be copied: it needs a no-argument "
                    + "constructor and non-final fields", e);
        }
    }

    /** Carries what {@code previous} had applied over to this next state of it, and adds one more event. */
    final void applied(ReadModelDocument previous, String source, long sequence) {
        List<SourceSequence> next = new ArrayList<>(previous == null ? List.of() : previous.applied);
        next.removeIf(seen -> seen.source().equals(source));
        next.add(new SourceSequence(source, sequence));
        applied = next;
    }
}
