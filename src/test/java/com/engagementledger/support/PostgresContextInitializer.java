package com.engagementledger.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For test contexts that run on PostgreSQL ({@code @ContextConfiguration(initializers = ...)} together with the
 * {@code postgres} profile): gives the context a fresh database of its own and drops it when the context closes.
 * The context also gets a data directory of its own for its embedded read models. The drop is registered as the context's first disposable, so it runs last, after the DataSource has closed.
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresDatabase database = PostgresDatabase.create("http");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String argument : database.arguments()) {
            String[] keyValue = argument.substring(2).split("=", 2);
            properties.put(keyValue[0], keyValue[1]);
        }
        // a data directory of its own for the embedded read models: the H2 context of the same tests may be running
        properties.put("ledger.data-dir", TestDataDirs.create("http-postgres").toString());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPostgres", properties));
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("testPostgresDatabase", database::close);
    }
}
