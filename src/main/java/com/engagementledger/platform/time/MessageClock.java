package com.engagementledger.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The clock Axon stamps messages with. Axon reads one static clock, {@code GenericEventMessage.clock}, for the whole
 * JVM, while every application context (several live in one test JVM) has a clock of its own: assigning a context's
 * clock to it would stamp the events of every other context with that clock too. This clock is installed once and
 * reads the clock of the context whose message the current thread is handling ({@link ClockScopeInterceptor} binds
 * it for a command's or deadline's whole unit of work, up to its commit). A message stamped outside any handling
 * gets the clock of the one running context, or real time when there are several, never another context's.
 */
public final class MessageClock extends Clock {

    static final MessageClock INSTANCE = new MessageClock();

    private static final ThreadLocal<Clock> BOUND = new ThreadLocal<>();

    private final List<Clock> registered = new CopyOnWriteArrayList<>();

    /** The installed one is {@link #INSTANCE}; others only for tests of the choice of clock. */
    MessageClock() {
    }

    /** Installs the clock in Axon (once per JVM) and lets it fall back to {@code clock} while it is the only one. */
    static synchronized void register(Clock clock) {
        GenericEventMessage.clock = INSTANCE;
        INSTANCE.add(clock);
    }

    static void unregister(Clock clock) {
        INSTANCE.remove(clock);
    }

    void add(Clock clock) {
        registered.add(clock);
    }

    void remove(Clock clock) {
        registered.remove(clock);
    }

    /** Binds {@code clock} to this thread; returns the binding it replaces, to be restored afterwards. */
    static Clock bind(Clock clock) {
        Clock previous = BOUND.get();
        BOUND.set(clock);
        return previous;
    }

    static void restore(Clock previous) {
        if (previous == null) {
            BOUND.remove();
        } else {
            BOUND.set(previous);
        }
    }

    /** The clock that stamps a message on this thread now. */
    Clock current() {
        Clock bound = BOUND.get();
        if (bound != null) {
            return bound;
        }
        List<Clock> clocks = registered;
        return clocks.size() == 1 ? clocks.get(0) : Clock.systemUTC();
    }

    @Override
    public Instant instant() {
        return current().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current().withZone(zone);
    }
}
