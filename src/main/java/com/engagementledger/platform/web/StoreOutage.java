package com.engagementledger.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the relational store could not be reached (a PostgreSQL restart, a network cut, an
 * exhausted pool): nothing was stored, and the same request is likely to succeed a few seconds later. Told apart by
 * the exception types of JDBC and Spring and by the SQL states of a lost connection (class {@code 08}) and of a
 * server shutting down or starting ({@code 57P01}, {@code 57P02}, {@code 57P03}), wherever Axon or a driver wrapped
 * them.
 */
final class StoreOutage {

    private StoreOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
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
