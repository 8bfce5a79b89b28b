package com.engagementledger.demo;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo data of every feature, in their order, once: only into an empty event store (asked through Axon,
 * so that it holds on Axon Server too), so a restart seeds nothing again. Two nodes starting on one empty store
 * both try; the demo ids are fixed, so the second one's first proposal finds the first one's and it stops.
 */
@Component
@Profile("demo")
public class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final EventStore eventStore;
    private final List<DemoData> features;
    private final DemoCommands commands;

    /** {@code features} in their {@code @Order}. */
    DemoDataRunner(EventStore eventStore, List<DemoData> features, DemoCommands commands) {
        this.eventStore = eventStore;
        this.features = features;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            if (events.hasNextAvailable()) {
                return;
            }
        }
        for (DemoData feature : features) {
            try {
                feature.seed(commands);
            } catch (RuntimeException failure) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof AggregateStreamCreationException) {
                    log.info("Another node is seeding the demo data: {}", cause.getMessage());
                    return;
                }
                throw new DemoDataRefusedException(feature.getClass().getSimpleName(), cause);
            }
            log.info("Seeded the demo data of {}", feature.getClass().getSimpleName());
        }
    }
}
