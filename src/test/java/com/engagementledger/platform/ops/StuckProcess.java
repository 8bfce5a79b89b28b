package com.engagementledger.platform.ops;

import com.engagementledger.engagement.api.EngagementProposed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * A test process on a tracking processor that stops on a failure (like the invoice-issuing process): while the
 * switch is on, a proposal of a client named stuck-* fails and the processor retries it, stuck.
 */
@ProcessingGroup(StuckProcess.NAME)
class StuckProcess {

    static final String NAME = "ops-stuck";
    static volatile boolean failing;

    @EventHandler
    void on(EngagementProposed event) {
        if (failing && event.clientId().startsWith("stuck")) {
            throw new IllegalStateException("stuck on client " + event.clientId());
        }
    }
}
