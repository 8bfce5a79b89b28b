package com.engagementledger.audit.history;

import com.engagementledger.audit.query.AuditIndex;
import java.time.Clock;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit history over the relational event store, its index in MongoDB and the record of reading (ADR 0029).
 * Like the chain, not there with Axon Server.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class AuditHistoryConfiguration {

    @Bean
    EventJson auditEventJson() {
        return new EventJson();
    }

    @Bean
    AuditHistory auditHistory(JdbcTemplate jdbc, AuditIndex index, EventJson json) {
        return new AuditHistory(new EventRows(jdbc), index, json);
    }

    @Bean
    AggregateStates aggregateStates(Configuration axon, EventStore eventStore) {
        return new AggregateStates(axon, eventStore);
    }

    @Bean
    AggregateHistoryQueryHandler aggregateHistoryQueryHandler(AuditHistory history, EventJson json,
                                                              AccessLog accessLog) {
        return new AggregateHistoryQueryHandler(history, json, accessLog);
    }

    @Bean
    AccessLog auditAccessLog(JdbcTemplate jdbc, Clock applicationClock) {
        return new AccessLog(jdbc, applicationClock);
    }
}
