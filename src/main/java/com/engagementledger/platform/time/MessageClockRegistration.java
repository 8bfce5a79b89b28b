package com.engagementledger.platform.time;

import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;

/**
 * A context's clock known to {@link MessageClock} until the context closes.
 */
record MessageClockRegistration(Clock clock) implements DisposableBean {

    @Override
    public void destroy() {
        MessageClock.unregister(clock);
    }
}
