package com.engagementledger.platform.time;

import com.engagementledger.platform.config.LedgerProperties;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one business clock of the application. Axon stamps messages with a static clock of its own, and db-scheduler
 * decides what is due with its own clock: both read this one (Axon through {@link MessageClock}, which tells the
 * contexts of one JVM apart), so that event timestamps, business dates and deadlines all follow the test clock when
 * it moves.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @Primary
    public Clock applicationClock(LedgerProperties properties, ObjectProvider<TestClockStore> testClockStore) {
        return properties.testClock()
                ? new TestClock(Clock.systemUTC(), testClockStore.getObject().load())
                : Clock.systemUTC();
    }

    /** Points Axon's message timestamps at this context's clock, for as long as the context lives. */
    @Bean
    MessageClockRegistration messageClockRegistration(Clock applicationClock) {
        MessageClock.register(applicationClock);
        return new MessageClockRegistration(applicationClock);
    }

    /** Commands and deadlines are handled, and their events stamped, under this context's clock. */
    @Bean
    SmartInitializingSingleton clockScopes(Clock applicationClock, CommandBus commandBus,
                                           ObjectProvider<DeadlineManager> deadlineManager) {
        return () -> {
            commandBus.registerHandlerInterceptor(new ClockScopeInterceptor(applicationClock));
            deadlineManager.ifAvailable(manager ->
                    manager.registerHandlerInterceptor(new ClockScopeInterceptor(applicationClock)));
        };
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
