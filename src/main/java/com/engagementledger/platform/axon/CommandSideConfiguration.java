package com.engagementledger.platform.axon;

import com.engagementledger.platform.audit.AuditCorrelationDataProvider;
import com.engagementledger.platform.audit.AuditDispatchInterceptor;
import com.engagementledger.platform.config.LedgerProperties;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

    /**
     * The deadline manager handles a deadline in a unit of work without correlation data providers, so events a
     * deadline handler applies would carry no audit metadata; this interceptor registers them.
     */
    @Bean
    public SmartInitializingSingleton deadlineAuditMetadata(ObjectProvider<DeadlineManager> deadlineManager,
                                                            List<CorrelationDataProvider> providers) {
        return () -> deadlineManager.ifAvailable(manager ->
                manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
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
