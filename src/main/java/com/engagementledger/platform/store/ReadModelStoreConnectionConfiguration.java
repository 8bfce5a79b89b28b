package com.engagementledger.platform.store;

import com.mongodb.ConnectionString;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bounds how long an operation waits for a MongoDB server it can use. The driver's default, 30 s, made a start-up
 * against an unreachable URI hang for half a minute before the read models' first write failed; a replica-set
 * election, the longest wait a healthy deployment needs, takes about 12 s.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelStoreConnectionConfiguration {

    static final String TIMEOUT_PROPERTY = "ledger.read-model-store.server-selection-timeout";

    @Bean
    public MongoClientSettingsBuilderCustomizer boundedServerSelection(Environment environment) {
        Duration timeout = serverSelectionTimeout(environment);
        return builder -> {
            String uri = environment.getProperty("spring.data.mongodb.uri");
            // a serverSelectionTimeoutMS in the URI is the operator's explicit choice
            if (uri != null && !uri.isBlank() && new ConnectionString(uri).getServerSelectionTimeout() != null) {
                return;
            }
            builder.applyToClusterSettings(cluster ->
                    cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        };
    }

    static Duration serverSelectionTimeout(Environment environment) {
        String value = environment.getProperty(TIMEOUT_PROPERTY);
        return value == null || value.isBlank() ? Duration.ofSeconds(15) : DurationStyle.detectAndParse(value);
    }
}
