package com.engagementledger.platform.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Money as Decimal128, which keeps an amount's scale (9800.00 stays 9800.00) and sorts numerically. Dates as the
 * MongoDB driver's own codecs store them (a LocalDate at UTC midnight), not through the JVM's default
 * time zone, which would shift a read model's dates on a host whose zone is not UTC.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean
    public MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.useNativeDriverJavaTimeCodecs()
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128));
    }
}
