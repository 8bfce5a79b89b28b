package com.engagementledger.platform.ops;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the event store answers, through Axon's own storage engine (the JDBC one, or Axon Server in that profile):
 * it reads the head of the stream. The {@code db} indicator only checks the relational connection.
 */
@Component("eventStore")
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessors processors;

    public EventStoreHealthIndicator(EventProcessors processors) {
        super("Event store health check failed");
        this.processors = processors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = processors.headPosition();
        builder.up().withDetail("empty", head == null);
        if (head != null) {
            builder.withDetail("headPosition", head);
        }
    }
}
