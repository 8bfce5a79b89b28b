package com.engagementledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of a request a filter refused before any handler interceptor could see it (a 403 for a body-carrying request
 * whose controller's roles the caller does not hold, answered before the body is read), so that a feature that
 * records its endpoints' requests, such as the audit access log, records the refusal too.
 */
public interface RefusedRequestListener {

    void refused(HttpServletRequest request, int status);
}
