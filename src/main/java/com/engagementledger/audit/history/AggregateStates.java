package com.engagementledger.audit.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Rebuilds an aggregate as it stood at an instant with its own event-sourcing handlers (ADR 0029): the aggregate
 * classes and their handlers come from Axon's configuration (the audit feature imports no command side), the events
 * from the event store without snapshots and upcast as for the command side, up to the last one recorded at or
 * before the instant. The aggregate is only read: it is never handed a command, and nothing it would apply is
 * published.
 */
public class AggregateStates {

    private final Configuration axon;
    private final EventStore eventStore;
    private Map<String, AggregateConfiguration<?>> byType;

    public AggregateStates(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    /** The stored type names of the configured aggregates. */
    public List<String> types() {
        return new ArrayList<>(aggregates().keySet());
    }

    /**
     * The aggregate {@code aggregateId} of stored type {@code type} after its events at or before {@code asOf};
     * empty when it has no events of that type at all; a {@link Rebuilt} without aggregate when it has, but none
     * by then.
     */
    public Optional<Rebuilt> asOf(String type, String aggregateId, Instant asOf) {
        AggregateConfiguration<?> configuration = aggregates().get(type);
        if (configuration == null) {
            return Optional.empty();
        }
        return rebuild(configuration, aggregateId, asOf);
    }

    private <T> Optional<Rebuilt> rebuild(AggregateConfiguration<T> configuration, String aggregateId,
                                          Instant asOf) {
        DomainEventStream all = eventStore.readEvents(aggregateId, 0);
        if (!all.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = all.peek();
        AggregateModel<T> model = model(configuration);
        if (!model.type().equals(first.getType())) {
            return Optional.empty();
        }
        if (first.getTimestamp().isAfter(asOf)) {
            return Optional.of(new Rebuilt(null, null));
        }
        List<DomainEventMessage<?>> upToAsOf = new ArrayList<>();
        while (all.hasNext() && !all.peek().getTimestamp().isAfter(asOf)) {
            upToAsOf.add(all.next());
        }
        T root = configuration.aggregateFactory().createAggregateRoot(aggregateId, first);
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(upToAsOf));
        return Optional.of(new Rebuilt(aggregate.version(), aggregate.getAggregateRoot()));
    }

    private <T> AggregateModel<T> model(AggregateConfiguration<T> configuration) {
        Class<T> type = configuration.aggregateType();
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(type, axon.parameterResolverFactory(),
                axon.handlerDefinition(type));
    }

    private synchronized Map<String, AggregateConfiguration<?>> aggregates() {
        if (byType == null) {
            byType = axon.findModules(AggregateConfiguration.class).stream()
                    .map(configuration -> (AggregateConfiguration<?>) configuration)
                    .collect(Collectors.toMap(configuration -> model(configuration).type(), Function.identity()));
        }
        return byType;
    }

    /**
     * An aggregate rebuilt.
     *
     * @param version   the sequence number of the last event applied; null when there was none by then
     * @param aggregate the aggregate root; null when there was no event by then
     */
    public record Rebuilt(Long version, Object aggregate) {
    }
}
