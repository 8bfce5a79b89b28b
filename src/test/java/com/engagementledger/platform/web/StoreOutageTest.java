package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class StoreOutageTest {

    @Test
    void aLostConnectionWrappedByAxonOrSpringIsAnOutage() {
        assertThat(StoreOutage.causedBy(new EventStoreException("not persisted",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(StoreOutage.causedBy(new TransactionSystemException("rollback failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(StoreOutage.causedBy(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
    }

    @Test
    void aDuplicateKeyOrABugIsNoOutage() {
        assertThat(StoreOutage.causedBy(new EventStoreException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(StoreOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(StoreOutage.causedBy(new SQLException("no state"))).isFalse();
    }
}
