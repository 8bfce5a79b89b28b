package com.engagementledger.platform.ops;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.ops.api.ProcessorKind;
import com.engagementledger.platform.ops.api.ReplayProgress;
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
import org.springframework.stereotype.Component;

/**
 * Replays of read models: the processor is stopped, its tokens reset (which clears the read model's collections and
 * dead letters) and started again, to rebuild the read model from the first event (ADR 0036). While it rebuilds,
 * its progress and the time left at the rate so far are in the API and logged every few seconds; a replay already
 * under way, here or found in a processor's tokens after a restart, refuses a second one. Processes (sagas and
 * policies) are never replayed: they send commands, and a replay would send them again.
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
    private final Clock clock;
    private final Map<String, Replay> underWay = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "projection-replays");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionReplays(EventProcessors processors, Clock clock) {
        this.processors = processors;
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
        if (underWay.containsKey(name) || EventProcessors.replaying(processor)) {
            throw RuleViolation.illegalState("replay-under-way", "A replay of " + name + " is under way; wait"
                    + " until it has caught up (GET /api/admin/projections).");
        }
        Replay replay = new Replay(name, clock.instant(), processors.headPosition());
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
        if (finished(replay, processor)) {
            return null;
        }
        return replay.progress(EventProcessors.position(EventProcessors.statuses(processor)));
    }

    private void run(Replay replay, StreamingEventProcessor processor) {
        try {
            log.info("Replay of {}: stopping its processor", replay.name);
            processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            processor.resetTokens();
            replay.began(System.nanoTime());
            processor.start();
            log.info("Replay of {}: rebuilding from the first event up to position {}", replay.name, replay.target);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Replay of {} failed before it began; the processor runs on from its old tokens",
                    replay.name, e);
            underWay.remove(replay.name);
            if (!processor.isRunning()) {
                processor.start();
            }
        }
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
     * Whether the replay has caught up: its processor runs again and no segment replays any more. Removes it then,
     * once, with a line in the log.
     */
    private boolean finished(Replay replay, EventProcessor processor) {
        if (replay.beganNanos == null || !processor.isRunning()) {
            return false;
        }
        var statuses = EventProcessors.statuses(processor);
        if (statuses.isEmpty() || statuses.stream().anyMatch(EventProcessors::replaying)) {
            return false;
        }
        if (underWay.remove(replay.name, replay)) {
            Duration took = Duration.ofNanos(System.nanoTime() - replay.beganNanos);
            log.info("Replay of {}: caught up with position {} in {}", replay.name, replay.target, took);
        }
        return true;
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
        private volatile Long beganNanos;

        Replay(String name, Instant startedAt, Long target) {
            this.name = name;
            this.startedAt = startedAt;
            this.target = target;
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
            if (beganNanos == null || position == null || target == null || position <= 0) {
                return null;
            }
            long elapsed = System.nanoTime() - beganNanos;
            long left = Math.max(0, target - position);
            return Duration.ofNanos((long) ((double) elapsed / position * left)).withNanos(0).toString();
        }
    }
}
