package com.engagementledger.replacement.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the replacement process is run. Its processor is Axon's default for a saga: a tracking processor that starts
 * at the head of the event store, with its token in the relational store's token table and its sagas in the saga
 * tables, written in one JDBC transaction per batch (DESIGN.md §4). A handler that fails is not logged and skipped,
 * Axon's default for event handlers: a lost consequence would leave a seat held open or a deadline unset, so the
 * failure stops the processor, which retries the event with back-off.
 */
@Configuration(proxyBeanMethods = false)
public class ReplacementProcessConfiguration {

    @Bean
    public ConfigurerModule replacementProcessRetriesFailures() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ReplacementProcess.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
