package com.engagementledger.audit.web;

import com.engagementledger.audit.history.AccessLog;
import com.engagementledger.platform.security.DeclaredRolesInterceptor;
import com.engagementledger.platform.web.RefusedRequestListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every audit endpoint's reading is recorded (ADR 0029), the console's audit pages' too (ADR 0041). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final AccessRecording recording;

    AuditWebConfiguration(AccessLog log) {
        this.recording = new AccessRecording(log);
    }

    /** The refusals a filter answers before the interceptor runs (a non-administrator's key rotation). */
    @Bean
    RefusedRequestListener auditRefusedRequests() {
        return recording;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the role check, so that a refused attempt to read is recorded with its 403 too
        registry.addInterceptor(recording).order(DeclaredRolesInterceptor.RECORDERS)
                .addPathPatterns("/api/audit/**", "/api/admin/audit/**", "/audit/**");
    }
}
