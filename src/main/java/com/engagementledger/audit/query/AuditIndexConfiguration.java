package com.engagementledger.audit.query;

import com.engagementledger.platform.axon.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Declares the audit index, so that the platform runs its projection on its own ordered processor and token. */
@Configuration(proxyBeanMethods = false)
public class AuditIndexConfiguration {

    @Bean
    ReadModel auditIndexReadModel() {
        return AuditIndexProjection.READ_MODEL;
    }

    @Bean
    AuditIndex auditIndex(MongoTemplate mongo) {
        return new AuditIndex(mongo);
    }
}
