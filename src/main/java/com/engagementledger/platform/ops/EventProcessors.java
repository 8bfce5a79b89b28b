package com.engagementledger.platform.ops;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.ops.api.ProcessorKind;
import com.engagementledger.platform.ops.api.ProcessorStatus;
import com.engagementledger.platform.ops.api.ProjectionView;
import com.engagementledger.platform.ops.api.ReplayProgress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Every event processor the application runs, found through Axon's configuration rather than a list, so that a
 * feature's new read model or process shows up by itself: where it stands against the head of the event store, what
 * it is doing, and how many events its dead-letter queue holds. A processor is a read model's when a
 * {@link ReadModel} bean names it; every other one is a process.
 */
@Component("eventProcessorsOverview")
public class EventProcessors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Set<String> readModels;

    public EventProcessors(EventProcessingConfiguration processing, EventStore eventStore,
                           List<ReadModel> readModels) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.readModels = readModels.stream().map(ReadModel::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The processors by name, sorted. */
    public Map<String, EventProcessor> all() {
        return new TreeMap<>(processing.eventProcessors());
    }

    /** The processor named {@code name}; a 404 problem if there is none. */
    public EventProcessor named(String name) {
        return processing.eventProcessor(name)
                .orElseThrow(() -> RuleViolation.notFound("name", "No event processor is named " + name + "."));
    }

    public ProcessorKind kind(String name) {
        return readModels.contains(name) ? ProcessorKind.READ_MODEL : ProcessorKind.PROCESS;
    }

    /** The global position of the newest stored event; null while the store is empty. */
    public Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : head.position().stream().boxed().findFirst().orElse(null);
    }

    public ProjectionView view(String name, EventProcessor processor, Long head, ReplayProgress replay) {
        Collection<EventTrackerStatus> statuses = statuses(processor);
        Long position = position(statuses);
        Long lag = position == null || head == null ? null : Math.max(0, head - position);
        Optional<Throwable> error = statuses.stream().filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError).filter(java.util.Objects::nonNull).findFirst();
        return new ProjectionView(name, kind(name), status(processor, statuses, replay != null), position, head, lag,
                statuses.size(), replay, deadLetters(name), error.map(EventProcessors::describe).orElse(null));
    }

    /** The status of every segment this node has claimed; none for a processor that streams no events. */
    public static Collection<EventTrackerStatus> statuses(EventProcessor processor) {
        return processor instanceof StreamingEventProcessor streaming
                ? streaming.processingStatus().values() : List.of();
    }

    /**
     * The position every claimed segment has reached: the lowest one, since events below it may still be unhandled
     * in another segment. During a replay, the replay's position.
     */
    public static Long position(Collection<EventTrackerStatus> statuses) {
        return statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }

    public static boolean replaying(EventProcessor processor) {
        return statuses(processor).stream().anyMatch(EventProcessors::replaying);
    }

    /**
     * Whether a segment is still rebuilding: Axon's replay token stays a replay token until an event past the
     * position of the reset arrives, so a segment that has reached that position is taken as caught up.
     */
    public static boolean replaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong reset = status.getResetPosition();
        return reset.isEmpty() || status.getCurrentPosition().orElse(-1) < reset.getAsLong();
    }

    private static ProcessorStatus status(EventProcessor processor, Collection<EventTrackerStatus> statuses,
                                          boolean replayUnderWay) {
        if (statuses.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return ProcessorStatus.ERROR;
        }
        if (replayUnderWay || statuses.stream().anyMatch(EventProcessors::replaying)) {
            return ProcessorStatus.REPLAYING;
        }
        return processor.isRunning() ? ProcessorStatus.RUNNING : ProcessorStatus.STOPPED;
    }

    private long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(queue -> queue.size()).orElse(0L);
    }

    static String describe(Throwable error) {
        return error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}
