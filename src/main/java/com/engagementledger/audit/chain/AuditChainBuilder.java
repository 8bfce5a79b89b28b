package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.Checkpoint;
import com.engagementledger.audit.api.HashChain;
import com.engagementledger.audit.api.KeyRotated;
import com.engagementledger.audit.api.SigningKeys;
import com.engagementledger.audit.api.StoredEvent;
import com.engagementledger.audit.api.UnreadableEventException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Builds the audit hash chain: one thread reads the event store in global order, links every event to the one before
 * it, records a link per position together with its progress, and signs a checkpoint every
 * {@code checkpoint-every} events and at least every {@code checkpoint-interval} (application clock) while events
 * arrive. It never skips an event. A gap in the global index (an index taken by a transaction that has not committed,
 * or never will) stops it until the gap fills or has been open for {@code gap-timeout} in real time (the wall clock:
 * the test clock may jump, and a gap that looked old by it would be closed while its transaction still commits, as
 * {@code GapSafeJdbcEventStorageEngine} explains); only then is the position recorded as holding no event. It is
 * woken when this node commits events and otherwise looks every {@link #IDLE} (for other nodes' events and the
 * hourly checkpoint). A restart resumes from the recorded progress; links and progress are written in one
 * transaction, which only succeeds from the progress it started from, so two nodes never link a position twice.
 */
class AuditChainBuilder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainBuilder.class);
    static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ChainStore store;
    private final AuditKeyRing keys;
    private final AuditProperties properties;
    private final Clock clock;
    private final Clock wallClock;
    private final Object signing = new Object();
    private final Object wakeUp = new Object();
    /** For each read that saw events up to a position, when (wall clock): a gap below it was open since then. */
    private final Deque<Sighting> sightings = new ArrayDeque<>();

    private boolean woken;
    private volatile boolean running;
    /** Set when the progress row disagrees with the recorded links: the builder links and signs nothing more. */
    private volatile boolean halted;
    private Thread thread;
    private Progress progress;
    private long checkpointedEvents;
    private Instant checkpointedAt;
    private long reportedUnreadable = -1;

    private record Sighting(long upTo, Instant at) {
    }

    AuditChainBuilder(ChainStore store, AuditKeyRing keys, AuditProperties properties, Clock clock,
                      Clock wallClock) {
        this.store = store;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    /** Called when events were committed: look now. */
    void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void start() {
        synchronized (signing) {
            progress = store.progress();
            rememberLastCheckpoint();
        }
        running = true;
        Optional<ProgressCheck> changed = ProgressCheck.of(store);
        if (changed.isPresent()) {
            halt(changed.get());
            return;
        }
        thread = new Thread(this::run, "audit-chain");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the data source goes: stopped with the first lifecycle beans. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2;
    }

    private void run() {
        while (running) {
            Duration pause;
            try {
                pause = step();
            } catch (DataIntegrityViolationException e) {
                // links and progress are written together: a link already there means the progress row was changed
                Optional<ProgressCheck> changed = ProgressCheck.of(store);
                if (changed.isPresent()) {
                    halt(changed.get());
                    return;
                }
                log.error("The audit chain could not advance; trying again in {}", AFTER_FAILURE, e);
                pause = AFTER_FAILURE;
            } catch (RuntimeException e) {
                log.error("The audit chain could not advance; trying again in {}", AFTER_FAILURE, e);
                pause = AFTER_FAILURE;
            }
            if (!pause.isZero()) {
                sleep(pause);
            }
        }
    }

    private void sleep(Duration pause) {
        synchronized (wakeUp) {
            long until = System.nanoTime() + pause.toNanos();
            while (running && !woken) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(wakeUp, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Links what it can; answers how long to pause before the next step (zero: more is waiting). */
    Duration step() {
        synchronized (signing) {
            List<StoredEvent> batch = store.eventsAfter(progress.position(), properties.batchSize());
            Instant now = wallClock.instant();
            if (!batch.isEmpty()) {
                sighted(batch.get(batch.size() - 1).position(), now);
            }
            List<Link> links = new ArrayList<>();
            long position = progress.position();
            byte[] head = HashChain.fromHex(progress.hash());
            long events = progress.events();
            Duration pause = batch.size() < properties.batchSize() ? IDLE : Duration.ZERO;
            for (StoredEvent event : batch) {
                if (event.position() > position + 1) {
                    Duration open = Duration.between(openSince(position + 1, now), now);
                    if (open.compareTo(properties.gapTimeout()) < 0) {
                        pause = min(IDLE, properties.gapTimeout().minus(open));
                        break;
                    }
                    log.info("The audit chain records positions {} to {} as holding no event: the gap has been open"
                            + " for {}", position + 1, event.position() - 1, open);
                    for (long empty = position + 1; empty < event.position(); empty++) {
                        links.add(new Link(empty, null));
                    }
                }
                try {
                    head = HashChain.link(head, event);
                } catch (UnreadableEventException e) {
                    unreadable(e);
                    pause = IDLE;
                    break;
                }
                position = event.position();
                events++;
                links.add(new Link(position, HashChain.hex(head)));
                if (events - checkpointedEvents >= properties.checkpointEvery()) {
                    pause = Duration.ZERO;
                    break;
                }
            }
            if (!links.isEmpty()) {
                Progress reached = new Progress(position, HashChain.hex(head), events);
                if (store.append(progress, links, reached)) {
                    progress = reached;
                } else {
                    log.info("Another node linked the audit chain from position {}; going on from where it got",
                            progress.position());
                    progress = store.progress();
                    rememberLastCheckpoint();
                    return Duration.ZERO;
                }
            }
            forgetSightingsUpTo(progress.position());
            checkpointIfDue();
            return pause;
        }
    }

    /**
     * Signs a checkpoint at the chain's progress, unless one is there already, for an export to end with (ADR 0029: an
     * export proves nothing after its last signature); answers its position, up to which the export goes. Stopped
     * over a changed progress row, it signs nothing and answers the last checkpoint's position; 0 when there is none.
     */
    long seal() {
        synchronized (signing) {
            Optional<Checkpoint> last = store.lastCheckpoint();
            if (halted || progress.position() == 0) {
                return last.map(Checkpoint::position).orElse(0L);
            }
            if (last.isEmpty() || last.get().position() != progress.position()) {
                checkpoint();
            }
            return progress.position();
        }
    }

    /**
     * Signs a checkpoint at the chain's progress with the current key, then lets the key ring generate a new one.
     */
    KeyRotated rotate() {
        synchronized (signing) {
            if (progress.events() > checkpointedEvents) {
                checkpoint();
            }
            return keys.rotate();
        }
    }

    private void checkpointIfDue() {
        long pending = progress.events() - checkpointedEvents;
        if (pending > 0 && (pending >= properties.checkpointEvery()
                || !clock.instant().isBefore(checkpointedAt.plus(properties.checkpointInterval())))) {
            checkpoint();
        }
    }

    private void checkpoint() {
        if (halted) {
            return;
        }
        String signedAt = clock.instant().toString();
        String keyId = keys.currentId();
        byte[] statement = Checkpoint.statement(progress.position(), progress.events(), progress.hash(), signedAt,
                keyId);
        Checkpoint checkpoint = new Checkpoint(progress.position(), progress.events(), progress.hash(), signedAt,
                keyId, SigningKeys.sign(keys.current().getPrivate(), statement));
        try {
            store.save(checkpoint);
        } catch (DataIntegrityViolationException anotherNodeSignedThisPosition) {
            rememberLastCheckpoint();
            return;
        }
        checkpointedEvents = checkpoint.events();
        checkpointedAt = Instant.parse(signedAt);
    }

    private void halt(ProgressCheck changed) {
        halted = true;
        log.error("The audit chain stops for good at position {}: {}. It links no further event and signs no"
                + " checkpoint; /api/audit/verify reports it. Restore the audit_chain_progress row (or the database"
                + " from a backup) and restart", progress.position(), changed.problem());
    }

    private void rememberLastCheckpoint() {
        Checkpoint last = store.lastCheckpoint().orElse(null);
        checkpointedEvents = last == null ? 0 : last.events();
        // without a checkpoint yet, the interval counts from this start
        checkpointedAt = last == null ? clock.instant() : signedAt(last);
    }

    /**
     * When the last checkpoint was signed; this start when its stored time is no instant (an edited row, which
     * /api/audit/verify reports at its position: its signature covers the time as signed), so that the application
     * starts and verification can tell.
     */
    private Instant signedAt(Checkpoint last) {
        try {
            return Instant.parse(last.signedAt());
        } catch (DateTimeParseException e) {
            log.error("The audit checkpoint at position {} has a signing time that is no instant ({}); the next"
                    + " checkpoint's interval counts from this start. /api/audit/verify reports it",
                    last.position(), e.getMessage());
            return clock.instant();
        }
    }

    private void unreadable(UnreadableEventException e) {
        if (reportedUnreadable != e.position()) {
            reportedUnreadable = e.position();
            log.error("The audit chain stops at position {}: {}. It cannot link an event without a canonical form;"
                    + " /api/audit/verify reports it", e.position(), e.getMessage());
        }
    }

    private void sighted(long upTo, Instant at) {
        if (sightings.isEmpty() || sightings.peekLast().upTo() < upTo) {
            sightings.addLast(new Sighting(upTo, at));
        }
    }

    /** When the gap at {@code position} was first seen: by the first read that went past it. */
    private Instant openSince(long position, Instant now) {
        return sightings.stream().filter(sighting -> sighting.upTo() > position).map(Sighting::at).findFirst()
                .orElse(now);
    }

    private void forgetSightingsUpTo(long position) {
        while (!sightings.isEmpty() && sightings.peekFirst().upTo() <= position) {
            sightings.removeFirst();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
