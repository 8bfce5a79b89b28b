package com.engagementledger.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the relational store could not be reached (a PostgreSQL restart, a network cut, an
 * exhausted pool): nothing was stored, and the same request is likely to succeed a few seconds later. Told apart by
 * the exception types of JDBC and Spring and by the SQL states of a lost connection (class {@code 08}) and of a
 * server shutting down or starting ({@code 57P01}, {@code 57P02}, {@code 57P03}), wherever Axon or a driver wrapped
 * them.
 */
final class StoreOutage {

    /** A PostgreSQL restart takes seconds; a client that waits this long before retrying rarely waits in vain. */
    static final int RETRY_AFTER_SECONDS = 5;

    private StoreOutage() {
    }

    /** The 503 problem for a request that failed this way, with {@code Retry-After}. */
    static ResponseEntity<ProblemDetail> response(ProblemResponses problems) {
        ProblemDetail problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                "The database could not be reached, so the change was most likely not stored. Retry in a few"
                        + " seconds, with the same Idempotency-Key to be safe.", "store-unavailable", null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // a commit or rollback that failed at the JDBC level: the pool's "Connection is closed" carries no SQL
            // state once the driver has dropped the connection mid-commit
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
