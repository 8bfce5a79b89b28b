package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class StoreOutageTest {

    private final ProblemErrorController errorPage = new ProblemErrorController(
            new ProblemResponses(new ObjectMapper()),
            new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(ErrorPages.class));

    @Test
    void aFilterThatCannotReachTheDatabaseGetsA503ToRetryFromTheErrorPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new ServletException(
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"))));

        @SuppressWarnings("unchecked")
        ResponseEntity<ProblemDetail> response = (ResponseEntity<ProblemDetail>) errorPage.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody().getProperties()).containsEntry("rule", "store-unavailable");
    }

    @Test
    void anyOtherFailureOutsideSpringMvcStaysA500() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("a bug"));

        assertThat(((ResponseEntity<?>) errorPage.error(request)).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void aLostConnectionWrappedByAxonOrSpringIsAnOutage() {
        assertThat(StoreOutage.causedBy(new EventStoreException("not persisted",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(StoreOutage.causedBy(new TransactionSystemException("rollback failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        // seen under load: the commit's I/O error is only logged; the rollback's failure names a closed connection
        assertThat(StoreOutage.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
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
