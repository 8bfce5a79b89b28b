package com.engagementledger.platform.ops;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.ops.api.ProcessorKind;
import com.engagementledger.platform.ops.api.ReplayProgress;
import com.engagementledger.platform.store.ReadModelRebuilds;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Replays of read models, blue/green (ADR 0036): the processor is stopped, its writes sent to empty shadow
 * collections ({@link ReadModelRebuilds}), its tokens reset (which clears the shadows and the dead letters) and it is
 * started again, to rebuild the read model from the first event while queries read the old collections. Once every
 * segment has caught up with the position of the reset, the processor stops for a moment, the shadows replace the
 * old collections, and it goes on from there. While it rebuilds, its progress and the time left at the rate so far
 * are in the API and logged every few seconds; a replay already under way, here or found in MongoDB after a restart,
 * refuses a second one. Processes (sagas and policies) are never replayed: they send commands, and a replay would
 * send them again.
 *
 * <p>Rates are measured in elapsed time ({@link System#nanoTime()}), not on the application's clock, which tests and
 * the demo move by hand.
 */
@Component
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final EventProcessors processors;
    private final ReadModelRebuilds rebuilds;
    private final Clock clock;
    private final Map<String, Replay> underWay = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "projection-replays");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionReplays(EventProcessors processors, ReadModelRebuilds rebuilds, Clock clock) {
        this.processors = processors;
        this.rebuilds = rebuilds;
        this.clock = clock;
        worker.scheduleWithFixedDelay(this::report, LOG_INTERVAL.toMillis(), LOG_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts rebuilding the read model {@code name}; returns at once, the replay goes on in the background.
     *
     * @throws RuleViolation 404 for an unknown processor, 409 for a process, or while a replay of it runs
     */
    public synchronized ReplayProgress start(String name) {
        EventProcessor processor = processors.named(name);
        if (processors.kind(name) != ProcessorKind.READ_MODEL) {
            throw RuleViolation.illegalState("replay-of-a-process", name + " is a process, not a read model: it"
                    + " sends commands, and replaying its events would send them again. Only read models are"
                    + " replayed.");
        }
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw RuleViolation.illegalState("replay-not-supported", "The processor of " + name
                    + " cannot be reset.");
        }
        if (underWay.containsKey(name) || rebuilds.rebuilding(name) || EventProcessors.replaying(processor)) {
            throw RuleViolation.illegalState("replay-under-way", "A replay of " + name + " is under way; wait"
                    + " until it has caught up (GET /api/admin/projections).");
        }
        Replay replay = new Replay(name, clock.instant(), processors.headPosition(), 0);
        underWay.put(name, replay);
        worker.execute(() -> run(replay, streaming));
        return replay.progress(null);
    }

    /** The replay of {@code name} under way, or null; one found only in the processor's tokens has no start time. */
    public ReplayProgress progress(String name, EventProcessor processor) {
        Replay replay = underWay.get(name);
        if (replay == null) {
            return EventProcessors.replaying(processor) ? fromTokens(processor) : null;
        }
        finished(replay, processor);
        return replay.progress(EventProcessors.position(EventProcessors.statuses(processor)));
    }

    private void run(Replay replay, StreamingEventProcessor processor) {
        try {
            log.info("Replay of {}: stopping its processor", replay.name);
            processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            rebuilds.begin(replay.name, replay.startedAt);
            processor.resetTokens();
            replay.began(System.nanoTime());
            processor.start();
            log.info("Replay of {}: rebuilding from the first event up to position {} into new collections; queries"
                    + " read the old ones until it has caught up", replay.name, replay.target);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Replay of {} failed before it began; the processor runs on from its old tokens",
                    replay.name, e);
            if (replay.beganNanos == null) {
                rebuilds.abandon(replay.name);
            }
            underWay.remove(replay.name);
            if (!processor.isRunning()) {
                processor.start();
            }
        }
    }

    /** Stops the processor for a moment, puts the rebuilt collections in place of the old ones, and starts it. */
    private void switchOver(Replay replay, StreamingEventProcessor processor) {
        try {
            Long position = EventProcessors.position(EventProcessors.statuses(processor));
            processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            rebuilds.complete(replay.name);
            underWay.remove(replay.name, replay);
            log.info("Replay of {}: caught up at position {} in {}; queries read the rebuilt collections",
                    replay.name, position, Duration.ofNanos(System.nanoTime() - replay.beganNanos));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Replay of {}: could not switch to the rebuilt collections; trying again shortly",
                    replay.name, e);
            replay.switching = false;
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
        }
    }

    /**
     * Carries on the rebuilds a stop interrupted: their processors resume from their replay tokens into the shadows
     * (kept in MongoDB), and are switched over once caught up. Their rates count from now.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        rebuilds.underWay().forEach((name, startedAt) -> {
            EventProcessor processor = processors.all().get(name);
            if (processor == null) {
                return;
            }
            Long position = EventProcessors.position(EventProcessors.statuses(processor));
            Replay replay = new Replay(name, startedAt, fromTokens(processor).targetPosition(),
                    position == null ? 0 : position);
            replay.began(System.nanoTime());
            if (underWay.putIfAbsent(name, replay) == null) {
                log.info("Replay of {}: resuming the rebuild interrupted by a stop", name);
            }
        });
    }

    /** Logs each replay's progress; one that has caught up is logged as done and forgotten. */
    private void report() {
        try {
            underWay.values().forEach(replay -> {
                EventProcessor processor = processors.all().get(replay.name);
                if (processor == null || finished(replay, processor)) {
                    return;
                }
                ReplayProgress progress = replay.progress(
                        EventProcessors.position(EventProcessors.statuses(processor)));
                log.info("Replay of {}: {} % of {} events, {} left", replay.name,
                        Math.round(progress.progress() * 1000) / 10.0, replay.target == null ? 0 : replay.target,
                        progress.eta() == null ? "an unknown time" : progress.eta());
            });
        } catch (RuntimeException e) {
            log.warn("Could not report the progress of replays", e);
        }
    }

    /**
     * Whether the replay has caught up: its processor runs again and no segment replays any more. Then the switch to
     * the rebuilt collections is started, once; until it is done the replay is still under way.
     */
    private boolean finished(Replay replay, EventProcessor processor) {
        if (replay.beganNanos == null || replay.switching || !processor.isRunning()) {
            return false;
        }
        var statuses = EventProcessors.statuses(processor);
        if (statuses.isEmpty() || statuses.stream().anyMatch(EventProcessors::replaying)) {
            return false;
        }
        synchronized (replay) {
            if (!replay.switching) {
                replay.switching = true;
                worker.execute(() -> switchOver(replay, (StreamingEventProcessor) processor));
            }
        }
        return false;
    }

    private ReplayProgress fromTokens(EventProcessor processor) {
        var statuses = EventProcessors.statuses(processor);
        Long target = statuses.stream().map(EventTrackerStatus::getResetPosition)
                .filter(java.util.OptionalLong::isPresent).map(java.util.OptionalLong::getAsLong)
                .max(Long::compare).orElse(null);
        return new ReplayProgress(share(EventProcessors.position(statuses), target), null, null, target);
    }

    static double share(Long position, Long target) {
        if (target == null || target <= 0) {
            return position == null ? 0 : 1;
        }
        if (position == null) {
            return 0;
        }
        return Math.max(0, Math.min(1, (double) position / target));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** One replay: what it was asked at, and when the rebuild began (null while its processor is being stopped). */
    private static final class Replay {
        private final String name;
        private final Instant startedAt;
        private final Long target;
        /** The position the rate counts from: 0, or where a resumed rebuild stood at the restart. */
        private final long from;
        private volatile Long beganNanos;
        private volatile boolean switching;

        Replay(String name, Instant startedAt, Long target, long from) {
            this.name = name;
            this.startedAt = startedAt;
            this.target = target;
            this.from = from;
        }

        void began(long nanos) {
            beganNanos = nanos;
        }

        ReplayProgress progress(Long position) {
            double share = beganNanos == null ? 0 : share(position, target);
            return new ReplayProgress(share, eta(position), startedAt, target);
        }

        /** The time left at the average rate since the rebuild began. */
        private String eta(Long position) {
            if (beganNanos == null || position == null || target == null || position <= from) {
                return null;
            }
            long elapsed = System.nanoTime() - beganNanos;
            long left = Math.max(0, target - position);
            return Duration.ofNanos((long) ((double) elapsed / (position - from) * left)).withNanos(0).toString();
        }
    }
}
