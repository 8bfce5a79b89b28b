package com.engagementledger.platform.axon;

import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
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
 * ({@link CommitNotifyingEventSource}), a MongoDB token store, a MongoDB dead-letter queue, and writes coalesced per
 * batch ({@link BatchedWrites}). The token must live in the store of the read model, or a crash can leave it ahead
 * of the data.
 * The token store is deliberately not a bean: a TokenStore bean would replace the JDBC one that sagas keep.
 * No JDBC transaction wraps these batches: MongoDB writes would not join it, and it would only hold a connection.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelProcessingConfiguration {

    static final String TOKEN_COLLECTION = "axon_tracking_tokens";
    static final String DEAD_LETTER_COLLECTION = "axon_dead_letters";

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
                                                LedgerProperties properties) {
        int batchSize = properties.projectionBatchSize();
        return configurer -> {
            // one per application, built once by Axon: every read-model processor reads through it
            configurer.registerComponent(CommitNotifyingEventSource.class,
                    config -> new CommitNotifyingEventSource(config.eventStore()));
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ReadModel readModel : readModels) {
                String group = readModel.processingGroup();
                processing
                        .registerPooledStreamingEventProcessor(group,
                                config -> config.getComponent(CommitNotifyingEventSource.class),
                                (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(1)
                                        // also how often events committed by other nodes are looked for
                                        .tokenClaimInterval(500))
                        .registerTokenStore(group, config -> MongoTokenStore.builder()
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(config.serializer())
                                .claimTimeout(Duration.ofSeconds(10))
                                .build())
                        .registerTransactionManager(group, config -> NoTransactionManager.INSTANCE)
                        .registerHandlerInterceptor(group, config -> new BatchedWritesInterceptor(batchedWrites))
                        // a replay rebuilds everything; stale letters would park their engagements' events again
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (config, builder) -> builder.allowReset(true))
                        .registerDeadLetterQueue(group, config -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(config.serializer())
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .build());
            }
        };
    }
}
