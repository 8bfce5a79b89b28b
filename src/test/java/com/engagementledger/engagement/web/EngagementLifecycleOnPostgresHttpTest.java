package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.PostgresContextInitializer;
import com.engagementledger.support.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The lifecycle over HTTP with the {@code postgres} profile's relational store on a real PostgreSQL (a database of
 * its own, dropped afterwards); skipped with a message when PostgreSQL is not reachable, failed instead when
 * {@code LEDGER_REQUIRE_SERVICES=true}.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresContextInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EngagementLifecycleOnPostgresHttpTest extends EngagementLifecycleHttpTest {

    @Test
    void theEventsAreStoredInPostgresql() {
        assertThat(jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName())).isEqualTo("PostgreSQL");
    }
}
