package com.engagementledger.platform.web;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * An event that collides with a stored one: SQL state 23505 (a unique violation on H2 and PostgreSQL; the drivers
 * wrap it where Axon's resolver does not look), or Axon's own refusal to create a stream that exists. Another change
 * to the same aggregate was stored first, or, for a new aggregate, an earlier run of the same request created it
 * (ids derive from the Idempotency-Key or a console form's token, {@link NewIds}).
 */
public final class EventCollisions {

    private EventCollisions() {
    }

    public static boolean isCollision(Throwable failure) {
        if (failure instanceof AggregateStreamCreationException) {
            return true;
        }
        if (!(failure instanceof EventStoreException)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A change refused because the aggregate changed meanwhile, wherever in the causes it is: Axon's
     * {@link ConcurrencyException} (two writers at the same moment) or its {@link ConflictingModificationException}
     * ({@code ConflictingAggregateVersionException}: a command sent with a version the aggregate has moved past, e.g.
     * a form sent twice). Neither is a subtype of the other.
     */
    public static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
                return true;
            }
        }
        return false;
    }
}
