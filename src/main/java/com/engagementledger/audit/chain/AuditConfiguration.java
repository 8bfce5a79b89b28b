package com.engagementledger.audit.chain;

import com.engagementledger.platform.axon.CommitNotifyingEventSource;
import com.engagementledger.platform.config.LedgerProperties;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit hash chain over the relational event store (ADR 0028). With Axon Server the events are not in the
 * relational store, and there is no chain (yet).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class AuditConfiguration {

    /** The prefix of the embedded default's relational store: there, a key is generated under the data directory. */
    static final String EMBEDDED_URL = "jdbc:h2:file:";

    @Bean
    ChainStore auditChainStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ChainStore(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    AuditKeyRing auditKeyRing(ChainStore store, Clock applicationClock, AuditProperties audit,
                              LedgerProperties ledger, Environment environment) {
        Path directory = audit.keyDirectory() != null ? audit.keyDirectory()
                : environment.getProperty("spring.datasource.url", "").startsWith(EMBEDDED_URL)
                ? ledger.dataDir().resolve("audit-keys") : null;
        AuditKeyRing keys = new AuditKeyRing(store, applicationClock, audit.signingKey(), directory,
                audit.retiredPublicKeys() == null ? List.of() : audit.retiredPublicKeys());
        keys.load();
        return keys;
    }

    @Bean
    AuditChainBuilder auditChainBuilder(ChainStore store, AuditKeyRing keys, AuditProperties audit,
                                        Clock applicationClock, @Qualifier("wallClock") Clock wallClock,
                                        EventStore eventStore) {
        AuditChainBuilder builder = new AuditChainBuilder(store, keys, audit, applicationClock, wallClock);
        CommitNotifyingEventSource.whenCommitted(eventStore, builder::wake);
        return builder;
    }

    @Bean
    AuditChain auditChain(ChainStore store, AuditKeyRing keys, AuditChainBuilder builder, AuditProperties audit) {
        return new AuditChain(store, keys, builder, new ChainVerifier(store, keys, audit.checkpointEvery()));
    }
}
