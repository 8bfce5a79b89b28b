package com.engagementledger.platform.ops;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.store.BatchedWrites;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;

/** The test's read model and process, declared the way features declare theirs; only its context has them. */
class OpsTestProcessors {

    @Bean
    ReadModel opsProbeReadModel() {
        return OpsProbeProjection.READ_MODEL;
    }

    @Bean
    OpsProbeProjection opsProbeProjection(BatchedWrites writes) {
        return new OpsProbeProjection(writes);
    }

    @Bean
    StuckProcess stuckProcess() {
        return new StuckProcess();
    }

    @Bean
    ConfigurerModule stuckProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(StuckProcess.NAME)
                .registerListenerInvocationErrorHandler(StuckProcess.NAME,
                        config -> PropagatingErrorHandler.instance());
    }
}
