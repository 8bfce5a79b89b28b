package com.engagementledger.support;

import com.engagementledger.platform.store.MongoConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The read-model store of projection tests: the embedded MongoDB wire-protocol server on its H2 backend, as the
 * application runs it, reached through the real driver and a {@link MongoTemplate} mapped like the application's.
 * One server per test class on a free port and a temporary file; every test starts from an empty database.
 * Register it as a static field with {@code @RegisterExtension}.
 */
public final class EmbeddedMongo implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final String DATABASE = "test";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new H2Backend(TestDataDirs.create("read-models").resolve("rm.mv").toString()));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, DATABASE);
        MongoCustomConversions conversions = new MongoConfiguration().mongoCustomConversions();
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        client.getDatabase(DATABASE).drop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoTemplate template() {
        return template;
    }
}
