package com.engagementledger.iptransfer.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the transfer policy runs: a tracking processor of its own, starting at the tail of the event store (issued
 * invoices from before the feature get their transfers), its token in the relational store's token table, like the
 * issuing process's. A failing handler is not logged and skipped: it stops the processor, which retries the event
 * with back-off, so a transfer never misses a movement.
 */
@Configuration(proxyBeanMethods = false)
public class IpTransferPolicyConfiguration {

    @Bean
    public ConfigurerModule ipTransferPolicyProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(IpTransferPolicy.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(IpTransferPolicy.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
