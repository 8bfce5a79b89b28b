package com.engagementledger.platform.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start-up that found no usable MongoDB server at {@code spring.data.mongodb.uri}: where it looked (without
 * credentials), how long it waited, and how to point the read models elsewhere or keep them embedded.
 */
public class ReadModelStoreUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<MongoTimeoutException>
        implements Ordered {

    private final Environment environment;

    public ReadModelStoreUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MongoTimeoutException cause) {
        String uri = environment.getProperty("spring.data.mongodb.uri", "");
        Duration waited = ReadModelStoreConnectionConfiguration.serverSelectionTimeout(environment);
        return new FailureAnalysis(
                "The read-model store (MongoDB) at " + withoutCredentials(uri) + " did not answer within "
                        + waited.toSeconds() + " s. " + cause.getMessage(),
                "Start MongoDB there (if the URI names a replica set, e.g. replicaSet=rs0, it must be initiated), "
                        + "or correct spring.data.mongodb.uri (LEDGER_MONGODB_URI with the postgres profile). "
                        + "Without the postgres profile and without spring.data.mongodb.uri the application keeps "
                        + "its read models in an embedded store under ledger.data-dir and needs no server. The wait "
                        + "is " + ReadModelStoreConnectionConfiguration.TIMEOUT_PROPERTY
                        + " (15s), or serverSelectionTimeoutMS in the URI.",
                cause);
    }

    private static String withoutCredentials(String uri) {
        try {
            ConnectionString parsed = new ConnectionString(uri);
            String database = parsed.getDatabase() == null ? "" : parsed.getDatabase();
            return (uri.startsWith("mongodb+srv:") ? "mongodb+srv://" : "mongodb://")
                    + String.join(",", parsed.getHosts()) + "/" + database;
        } catch (IllegalArgumentException unparsable) {
            return "(an unparsable spring.data.mongodb.uri)";
        }
    }

    /** Before Spring Boot's own analyzers, which would describe the bean that failed rather than the store. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
