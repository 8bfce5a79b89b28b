package com.engagementledger.platform.store;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the read-model store answers. Spring Boot's own MongoDB indicator sends {@code hello}, which the embedded
 * wire-protocol server does not know, so it would report a healthy store as down; {@code ping} works on both.
 */
@Component("readModelStore")
public class ReadModelStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public ReadModelStoreHealthIndicator(MongoTemplate mongo) {
        super("Read-model store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}
