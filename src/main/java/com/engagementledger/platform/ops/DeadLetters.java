package com.engagementledger.platform.ops;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.axon.ReadModelProcessingConfiguration;
import com.engagementledger.platform.ops.api.DeadLetterRetry;
import com.engagementledger.platform.ops.api.DeadLetterView;
import com.engagementledger.platform.store.ReadModelRebuilds;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues of the processors that have one (the per-aggregate read models, ADR 0017): what they hold,
 * and retrying them once the cause is fixed.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final EventProcessors processors;
    private final ReadModelRebuilds rebuilds;

    public DeadLetters(EventProcessingConfiguration processing, EventProcessors processors,
                       ReadModelRebuilds rebuilds) {
        this.processing = processing;
        this.processors = processors;
        this.rebuilds = rebuilds;
    }

    /** Every parked event of {@code processingGroup}, or of every processor when it is null, sequence by sequence. */
    public List<DeadLetterView> list(String processingGroup) {
        List<String> groups = processingGroup == null ? List.copyOf(processors.all().keySet())
                : List.of(known(processingGroup));
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : groups) {
            processing.deadLetterQueue(group).ifPresent(queue -> {
                var policy = processing.sequencingPolicy(group);
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        Object sequenceId = policy.getSequenceIdentifierFor(letter.message());
                        letters.add(view(group, sequenceId == null ? null : sequenceId.toString(), letter));
                    }
                }
            });
        }
        return letters;
    }

    /**
     * Retries each parked sequence of {@code processingGroup} once, oldest first: a sequence whose events all
     * succeed leaves the queue; one that fails again stays, with the new cause. Refused while the read model is
     * rebuilt: a retried event would be written to the collections the rebuild is about to replace.
     */
    public DeadLetterRetry retry(String processingGroup) {
        known(processingGroup);
        if (rebuilds.rebuilding(processingGroup)) {
            throw RuleViolation.illegalState("replay-under-way", "A replay of " + processingGroup + " is under way;"
                    + " its dead letters are retried once it has caught up.");
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> RuleViolation.illegalState("no-dead-letter-queue", processingGroup
                        + " has no dead-letter queue: a failing event stops it and is retried until it succeeds."));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup).orElseThrow();
        long sequences = queue.amountOfSequences();
        long processed = 0;
        long failed = 0;
        for (long i = 0; i < sequences && queue.amountOfSequences() > 0; i++) {
            if (processor.processAny()) {
                processed++;
            } else {
                failed++;
            }
        }
        return new DeadLetterRetry(processingGroup, processed, failed, queue.amountOfSequences());
    }

    private String known(String processingGroup) {
        processors.named(processingGroup);
        return processingGroup;
    }

    private static DeadLetterView view(String group, String sequenceId, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        Object failures = letter.diagnostics().get(ReadModelProcessingConfiguration.FAILURES_DIAGNOSTIC);
        long retries = failures instanceof Number n ? Math.max(0, n.longValue() - 1) : 0;
        return new DeadLetterView(group, sequenceId, message.getPayloadType().getName(),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                position,
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), retries);
    }
}
