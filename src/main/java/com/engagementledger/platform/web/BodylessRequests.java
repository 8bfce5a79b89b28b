package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * An endpoint that takes no body ignores one, but only if it is JSON: whatever else arrives is no request of this
 * API's clients, and taking it silently would hide their mistake.
 */
class BodylessRequests implements HandlerInterceptor {

    private final ObjectMapper objectMapper;

    BodylessRequests(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || ApiPaths.browserPage(handler) || Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class))) {
            return true;
        }
        RequestBodyFilter.CachedBodyRequest cached =
                WebUtils.getNativeRequest(request, RequestBodyFilter.CachedBodyRequest.class);
        if (cached == null || cached.body().length == 0) {
            return true;
        }
        try {
            objectMapper.readTree(cached.body());
        } catch (JsonProcessingException e) {
            throw RuleViolation.malformed("body", "json",
                    "malformed JSON: " + JsonMessages.plain(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw RuleViolation.malformed("body", "json", "the body cannot be read as JSON");
        }
        return true;
    }
}
