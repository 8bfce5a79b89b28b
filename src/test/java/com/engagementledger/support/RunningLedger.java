package com.engagementledger.support;

import static org.awaitility.Awaitility.await;

import com.engagementledger.LedgerApplication;
import com.engagementledger.engagement.query.EngagementProjection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Helpers for tests that start, stop and restart whole applications on a data directory of their own.
 */
public final class RunningLedger {

    public static final String ENGAGEMENTS = EngagementProjection.PROCESSING_GROUP;

    private RunningLedger() {
    }

    /** Starts the application with the given profile (null for none) on {@code dataDir}, on a free port. */
    public static ConfigurableApplicationContext start(String profile, Path dataDir) {
        return start(profile, dataDir, RelationalStore.H2.prepare("unused"));
    }

    /**
     * Starts the application with the given profile (null for none) on {@code dataDir} and the given relational
     * store, on a free port.
     */
    public static ConfigurableApplicationContext start(String profile, Path dataDir, PreparedStore store) {
        List<String> profiles = new ArrayList<>();
        if (profile != null) {
            profiles.add(profile);
        }
        profiles.addAll(store.profiles());
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0"));
        args.addAll(store.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .run(args.toArray(String[]::new));
    }

    /** The database product of the relational store the application runs on, as its JDBC driver names it. */
    public static String databaseProduct(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
    }

    public static int port(ConfigurableApplicationContext context) {
        return context.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);
    }

    public static TrackingToken token(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class).tokenStore(ENGAGEMENTS)
                .fetchToken(ENGAGEMENTS, 0);
    }

    /**
     * Waits until the engagement projection's token has reached the last stored event. The token may not exist
     * for a moment: after a kill the read-model store can have lost it, and the processor starts again.
     */
    public static void awaitCaughtUp(ConfigurableApplicationContext context) {
        Long head = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            TrackingToken token = token(context);
            return token != null && token.position().orElse(-1) >= head;
        });
    }

    /** Every engagement document as stored, in id order. */
    public static List<Document> engagementDocuments(ConfigurableApplicationContext context) {
        List<Document> docs = new ArrayList<>(context.getBean(MongoTemplate.class)
                .findAll(Document.class, "engagements"));
        docs.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
        return docs;
    }
}
