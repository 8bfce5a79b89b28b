package com.engagementledger.audit.query;

import java.util.OptionalLong;

/** Where the event store holds an event in its global order, by the event's identifier. */
@FunctionalInterface
public interface StoredEventPositions {

    /** The event's global index; empty when the store does not hold it. */
    OptionalLong of(String eventIdentifier);
}
