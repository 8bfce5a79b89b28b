package com.engagementledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The request rules every controller gets without declaring them: one value per single-valued query parameter,
 * query parameters taken as written, a body only as JSON, and {@link IfMatch} parameters (412 where nothing
 * exists to match).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ObjectMapper objectMapper;

    public WebConfiguration(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SingleValuedParameters());
        registry.addInterceptor(new StrictQueryParameters());
        registry.addInterceptor(new BodylessRequests(objectMapper));
        registry.addInterceptor(new IfMatchWithoutResource());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchArgumentResolver());
    }

    /**
     * JSON only (ADR 0024). Jackson's YAML, CBOR, Smile or XML converters come with whatever puts their data formats
     * on the class path (springdoc brings YAML), and a body read by them skips every rule the JSON mapper enforces;
     * the form converter would read a cross-site form. Text, bytes and resources stay for the OpenAPI documents.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> !(converter.getClass() == MappingJackson2HttpMessageConverter.class
                || converter instanceof StringHttpMessageConverter
                || converter instanceof ByteArrayHttpMessageConverter
                || converter instanceof ResourceHttpMessageConverter
                || converter instanceof ResourceRegionHttpMessageConverter));
    }
}
