package com.engagementledger.platform.time;

import com.engagementledger.platform.config.LedgerProperties;
import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
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
    public Clock applicationClock(LedgerProperties properties, ObjectProvider<TestClockStore> testClockStore) {
        Clock clock = properties.testClock()
                ? new TestClock(Clock.systemUTC(), testClockStore.getObject().load())
                : Clock.systemUTC();
        GenericEventMessage.clock = clock;
        return clock;
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.test-clock", havingValue = "true")
    TestClockStore testClockStore(JdbcTemplate jdbc) {
        return new TestClockStore(jdbc);
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
