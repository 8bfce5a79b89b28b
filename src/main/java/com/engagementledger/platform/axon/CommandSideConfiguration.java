package com.engagementledger.platform.axon;

import com.engagementledger.platform.audit.AuditCorrelationDataProvider;
import com.engagementledger.platform.audit.AuditDispatchInterceptor;
import com.engagementledger.platform.config.LedgerProperties;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's shared plumbing: audit metadata on every command and event, domain refusals that survive a
 * distributed bus, and the snapshot policy of long-lived aggregates.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /** Replaces Axon's MessageOriginProvider: we keep correlation and causation ids under our own names. */
    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean
    public SnapshotTriggerDefinition engagementSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Axon registers it on the command gateway. */
    @Bean
    public AuditDispatchInterceptor auditDispatchInterceptor() {
        return new AuditDispatchInterceptor();
    }

    /** Axon registers it on the command bus. */
    @Bean
    public RuleViolationInterceptor ruleViolationInterceptor() {
        return new RuleViolationInterceptor();
    }
}
