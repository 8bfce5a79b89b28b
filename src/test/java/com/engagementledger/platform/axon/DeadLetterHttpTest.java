package com.engagementledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementPaused;
import com.engagementledger.engagement.query.EngagementProjection;
import com.engagementledger.support.HttpTestSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A poison event, one the engagement projection cannot apply, is parked in the MongoDB dead-letter queue with the
 * later events of its engagement, while every other engagement's events flow on.
 */
class DeadLetterHttpTest extends HttpTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aPoisonEventIsDeadLetteredWithItsSequenceWhileTheRestFlows() {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        String ghost = "ghost-" + UUID.randomUUID();
        // An engagement whose proposal never happened: the projection has no document to apply it to.
        eventStore.publish(domainEvent(ghost, 0, new EngagementActivated(ghost, today)),
                domainEvent(ghost, 1, new EngagementPaused(ghost, today)));

        String healthy = proposeWithoutTrial("after-poison", today.toString());
        await().atMost(Duration.ofSeconds(5)).until(
                () -> api.as("auditor").get("/api/engagements/" + healthy).status() == 200);

        SequencedDeadLetterQueue<EventMessage<?>> queue = processing
                .deadLetterQueue(EngagementProjection.PROCESSING_GROUP).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.contains(ghost));
        assertThat(queue.sequenceSize(ghost)).as("the poison event and the later one of its engagement")
                .isEqualTo(2);
        assertThat(mongo.getCollection("axon_dead_letters").countDocuments(new Document("sequenceIdentifier",
                ghost))).as("kept in MongoDB, beside the read model").isEqualTo(2);
        assertThat(api.as("auditor").get("/api/engagements/" + ghost).status()).isEqualTo(404);
    }

    private static GenericDomainEventMessage<Object> domainEvent(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Engagement", id, sequence, payload);
    }
}
