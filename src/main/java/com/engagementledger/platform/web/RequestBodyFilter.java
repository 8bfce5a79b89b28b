package com.engagementledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import com.engagementledger.platform.config.LedgerProperties;
import com.engagementledger.platform.security.DeclaredRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.http.server.RequestPath;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body once, up to the limit, before anything parses it but after authentication (an anonymous
 * caller gets its 401 without the server buffering what it sent) and after the role check (a caller the endpoint's
 * {@code @RolesAllowed} refuses gets its 403 likewise, whatever the size of its body): a larger body is refused with
 * a 413 (also when it comes chunked, without a Content-Length), and the idempotency check can hash exactly what the
 * controller will read.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class RequestBodyFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;
    private final int maxBytes;
    private final ObjectProvider<HandlerMapping> handlers;
    private final ObjectProvider<RefusedRequestListener> refusals;

    /**
     * {@code handlers}: Spring MVC's mapping of controllers, asked lazily since filters are made before it;
     * {@code refusals}: told of each request refused here for its role.
     */
    public RequestBodyFilter(ProblemResponses problems, LedgerProperties properties,
                             @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers,
                             ObjectProvider<RefusedRequestListener> refusals) {
        this.problems = problems;
        this.maxBytes = properties.maxBodyBytes();
        this.handlers = handlers;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the console's forms are read by the servlet container (its own size limit), not as a JSON body
        return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())
                || "PATCH".equals(request.getMethod())) || !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (refusedByRole(request)) {
            problems.write(request, response, problems.forbidden(request));
            refusals.forEach(listener -> listener.refused(request, HttpServletResponse.SC_FORBIDDEN));
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Whether the controller this request maps to declares roles the caller does not hold. */
    private boolean refusedByRole(HttpServletRequest request) {
        HandlerMapping mapping = handlers.getIfAvailable();
        if (mapping == null) {
            return false;
        }
        RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method
                    && DeclaredRoles.applies(method)
                    && !DeclaredRoles.allow(method, SecurityContextHolder.getContext().getAuthentication());
        } catch (Exception noHandler) {
            // no method or media type matches: Spring MVC answers that itself, after the body is read
            return false;
        } finally {
            ServletRequestPathUtils.setParsedRequestPath(parsed, request);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "A request body may hold at most " + maxBytes + " bytes.");
    }

    /** A request whose body has been read into memory and can be read again. */
    public static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        public byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
