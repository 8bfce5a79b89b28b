package com.engagementledger.platform.time;

import com.engagementledger.platform.config.LedgerProperties;
import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one clock of the application. Axon stamps messages with a static clock of its own, and db-scheduler decides
 * what is due with its own clock: both are pointed at this one, so that event timestamps, business dates and
 * deadlines all follow the test clock when it moves.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @Primary
    public Clock applicationClock(LedgerProperties properties) {
        Clock clock = properties.testClock() ? new TestClock(Clock.systemUTC()) : Clock.systemUTC();
        GenericEventMessage.clock = clock;
        return clock;
    }

    /** Real time, for operational timeouts that must not jump with the test clock; never for business dates. */
    @Bean
    public Clock wallClock() {
        return Clock.systemUTC();
    }

    @Bean
    public com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock applicationClock) {
        return applicationClock::instant;
    }
}
