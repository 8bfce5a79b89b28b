package com.engagementledger.invoicing.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the issuing process runs: a tracking processor of its own, starting at the tail of the event store (a closed
 * period from before it existed is finished too), its token in the relational store's token table, like the
 * replacement process's. A failing handler is not logged and skipped: it stops the processor, which retries the
 * event with back-off, so an issue is never left half done.
 */
@Configuration(proxyBeanMethods = false)
public class InvoiceIssuingProcessConfiguration {

    @Bean
    public ConfigurerModule invoiceIssuingProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(InvoiceIssuingProcess.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(InvoiceIssuingProcess.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
