package com.engagementledger.audit.web;

import com.engagementledger.audit.history.AccessLog;
import com.engagementledger.platform.security.DeclaredRolesInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every audit endpoint's reading is recorded (ADR 0029). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final AccessLog log;

    AuditWebConfiguration(AccessLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the role check, so that a refused attempt to read is recorded with its 403 too
        registry.addInterceptor(new AccessRecording(log)).order(DeclaredRolesInterceptor.RECORDERS)
                .addPathPatterns("/api/audit/**", "/api/admin/audit/**");
    }
}
