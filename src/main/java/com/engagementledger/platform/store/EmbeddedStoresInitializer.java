package com.engagementledger.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Prepares the embedded stores before any bean needs them: locks the data directory, and, when no
 * {@code spring.data.mongodb.uri} is configured, starts an in-process MongoDB wire-protocol server on an H2 file under
 * the data directory and points {@code spring.data.mongodb.uri} at it.
 *
 * <p>Both are registered as the context's first disposables, so they are released last on shutdown: after Axon's
 * processors have stopped and stored their tokens, and after the MongoClient and the DataSource have closed.
 */
public class EmbeddedStoresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE = "embeddedMongo";
    static final String DATABASE = "ledger";
    static final String READ_MODEL_FILE = "readmodels.mv";
    /** Present while the embedded read-model store is open; left behind by a run that did not stop cleanly. */
    static final String RUNNING_MARKER = "readmodels.open";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoresInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Deferred to the start of refresh, so that every initializer (tests' dynamic properties too) has shaped
        // the environment first; registry post-processors added here run before configuration classes are parsed.
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                prepare(context);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // all done in postProcessBeanDefinitionRegistry
            }
        });
    }

    private void prepare(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        boolean embeddedMongo = !StringUtils.hasText(env.getProperty("spring.data.mongodb.uri"));
        boolean embeddedJdbc = env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:");
        if (!embeddedMongo && !embeddedJdbc) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("ledger.data-dir", "./data")).toAbsolutePath().normalize();
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        DefaultSingletonBeanRegistry registry = (DefaultSingletonBeanRegistry) context.getBeanFactory();
        registry.registerDisposableBean("dataDirectoryLock", lock::close);
        if (embeddedMongo) {
            startMongo(dataDir, env, registry);
        }
    }

    /**
     * Starts the embedded server on its file, unless the last run on it did not stop cleanly: then the file is
     * discarded, and every read model (with its token) is rebuilt from the events. The server's H2 backend commits
     * in the background and keeps its documents and their id index apart; after a kill it was seen to refuse
     * upserts of documents it still held ("already existed"), which stalled a projection for good.
     */
    private void startMongo(Path dataDir, ConfigurableEnvironment env, DefaultSingletonBeanRegistry registry) {
        Path file = dataDir.resolve(READ_MODEL_FILE);
        Path running = dataDir.resolve(RUNNING_MARKER);
        try {
            if (Files.exists(running) && Files.deleteIfExists(file)) {
                log.warn("The last run on {} did not stop cleanly: discarded the embedded read-model store {};"
                        + " the read models are rebuilt from the events", dataDir, file);
            }
            Files.writeString(running, "the embedded read-model store is open\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded read-model store in " + dataDir, e);
        }
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                Map.of("spring.data.mongodb.uri", uri)));
        registry.registerDisposableBean("embeddedMongoServer", () -> {
            server.shutdownNow();
            Files.deleteIfExists(running);
        });
        log.info("Embedded MongoDB wire-protocol server on {} storing read models in {}", uri, file);
    }
}
