package com.engagementledger.platform.axon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import com.engagementledger.platform.config.LedgerProperties;
import com.engagementledger.platform.store.BatchedWrites;
import com.engagementledger.platform.store.BatchedWritesInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Wires every {@link ReadModel}'s projection: a pooled streaming processor woken on commits
 * ({@link CommitNotifyingEventSource}) with the read model's {@link ProjectionSettings}, writes coalesced per batch
 * ({@link BatchedWrites}), and the read model's indexes. A per-aggregate read model gets a MongoDB token store and a
 * MongoDB dead-letter queue. Every read model's token lives in MongoDB beside its documents (DESIGN.md §4): in
 * another store a crash could leave it ahead of the data, and discarding the embedded read-model store after an
 * unclean stop would not rebuild it. An ordered one has no dead letters (ADR 0017, ADR 0030).
 * The token store is deliberately not a bean: a TokenStore bean would replace the JDBC one that sagas keep.
 * No JDBC transaction wraps a per-aggregate read model's batches: MongoDB writes would not join it, and it would only
 * hold a connection.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelProcessingConfiguration {

    static final String TOKEN_COLLECTION = "axon_tracking_tokens";
    static final String DEAD_LETTER_COLLECTION = "axon_dead_letters";
    /** The diagnostic in which a dead letter counts its failed handlings, the first one included. */
    public static final String FAILURES_DIAGNOSTIC = "failures";

    /** Axon's own template over the read-model database; not named mongoTemplate, which is Spring Data's. */
    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabaseFactory databaseFactory) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(databaseFactory.getMongoDatabase())
                .trackingTokensCollectionName(TOKEN_COLLECTION)
                .deadLetterCollectionName(DEAD_LETTER_COLLECTION)
                .build();
    }

    @Bean
    public ConfigurerModule readModelProcessors(List<ReadModel> readModels,
                                                MongoTemplate axonMongoTemplate,
                                                BatchedWrites batchedWrites,
                                                LedgerProperties properties,
                                                Environment environment) {
        Map<String, ProjectionSettings> configured = ProjectionSettings.bind(environment);
        return configurer -> {
            // one per application, built once by Axon: every read-model processor reads through it
            configurer.registerComponent(CommitNotifyingEventSource.class,
                    config -> new CommitNotifyingEventSource(config.eventStore()));
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ReadModel readModel : readModels) {
                String group = readModel.name();
                ProjectionSettings settings = ProjectionSettings.of(configured, group, properties.projectionBatchSize());
                boolean ordered = readModel.ordering() == ReadModel.Ordering.GLOBAL;
                processing
                        .registerPooledStreamingEventProcessor(group,
                                config -> config.getComponent(CommitNotifyingEventSource.class),
                                (config, builder) -> builder.batchSize(settings.batchSize())
                                        .initialSegmentCount(ordered ? 1 : settings.segments())
                                        // also how often events committed by other nodes are looked for
                                        .tokenClaimInterval(500))
                        .registerHandlerInterceptor(group,
                                config -> new BatchedWritesInterceptor(batchedWrites, group, ordered));
                processing
                        .registerTokenStore(group, config -> MongoTokenStore.builder()
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(config.serializer())
                                .claimTimeout(Duration.ofSeconds(10))
                                .build())
                        .registerTransactionManager(group, config -> NoTransactionManager.INSTANCE);
                if (ordered) {
                    // a failing event is retried, never parked, so that no later event overtakes it
                    processing.registerSequencingPolicy(group, config -> new SequentialPolicy());
                    continue;
                }
                processing
                        // a replay rebuilds everything; stale letters would park their sequences' events again
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (config, builder) -> builder.allowReset(true))
                        // Axon's default decision (park it with its cause), counting the failures for operators
                        .registerDeadLetterPolicy(group, config -> (letter, cause) -> Decisions.enqueue(cause,
                                failed -> failed.diagnostics().and(FAILURES_DIAGNOSTIC, failures(failed) + 1)))
                        .registerDeadLetterQueue(group, config -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(config.serializer())
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .build());
            }
        };
    }

    private static long failures(DeadLetter<?> letter) {
        return letter.diagnostics().get(FAILURES_DIAGNOSTIC) instanceof Number counted ? counted.longValue() : 0;
    }

    /** Creates the declared indexes of every read model before any processor starts. */
    @Bean
    public SmartInitializingSingleton readModelIndexes(List<ReadModel> readModels,
                                                       org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return () -> readModels.stream().flatMap(readModel -> readModel.collections().stream())
                .forEach(collection -> {
                    IndexOperations indexes = mongo.indexOps(collection.documentType());
                    collection.indexes().forEach(indexes::ensureIndex);
                });
    }
}
