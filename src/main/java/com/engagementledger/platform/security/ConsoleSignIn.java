package com.engagementledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.security.web.util.UrlUtils;

/**
 * How the browser console sends a signed-out user to the sign-in page, and what it says to a form whose CSRF token
 * does not hold (ADR 0041).
 *
 * <ul>
 *   <li>An htmx request (header {@code HX-Request: true}: a filter, a progress poll) is not redirected, which htmx
 *   would follow and swap the whole sign-in page into the page: it is answered 401 with an empty body and
 *   {@code HX-Redirect: /login}, which htmx obeys by sending the browser there; the page it came from
 *   ({@code HX-Current-URL}) is the one opened again after sign-in, not the fragment.</li>
 *   <li>A form refused for its CSRF token (open across a restart, an expired session, a token of another session, a
 *   body too large to read the token from) is no matter of roles: signed out, the browser goes to the sign-in page
 *   and back to the form's page ({@code Referer}) after it; signed in, the error page says that the form has expired
 *   and is to be sent again from a reloaded page ({@link #CSRF_FAILURE}, read by the console's error page).</li>
 * </ul>
 */
final class ConsoleSignIn {

    /** The login page's path. */
    static final String LOGIN = "/login";

    /** Request attribute holding the {@link CsrfException} of a refused form, for the error page to name. */
    static final String CSRF_FAILURE = WebAttributes.ACCESS_DENIED_403;

    /** Where the console's {@link HttpSessionRequestCache} keeps the page to open after sign-in. */
    static final String SESSION_ATTRIBUTE = "CONSOLE_SAVED_REQUEST";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(LOGIN);
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            if (htmx(request)) {
                returnTo(request, request.getHeader("HX-Current-URL"));
                toSignInPage(request, response);
            } else {
                signIn.commence(request, response, e);
            }
        };
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            if (!(e instanceof CsrfException)) {
                forbidden.handle(request, response, e);
                return;
            }
            if (signedOut()) {
                returnTo(request, request.getHeader("Referer"));
                if (htmx(request)) {
                    toSignInPage(request, response);
                } else {
                    response.sendRedirect(request.getContextPath() + LOGIN);
                }
                return;
            }
            request.setAttribute(CSRF_FAILURE, e);
            response.sendError(HttpStatus.FORBIDDEN.value());
        };
    }

    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static void toSignInPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
        response.setContentLength(0);
        response.flushBuffer();
    }

    private static boolean signedOut() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || TRUST.isAnonymous(caller) || !caller.isAuthenticated();
    }

    /**
     * The page to open after sign-in: {@code page} (a full URL the browser names) when it is one of this server's
     * console pages other than the sign-in page; otherwise what the request cache holds, if anything.
     */
    private void returnTo(HttpServletRequest request, String page) {
        if (page == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(page);
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        int port = uri.getPort() == -1 ? ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath();
        if (!request.getScheme().equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || !uri.getHost().equalsIgnoreCase(request.getServerName()) || port != request.getServerPort()
                || path == null || !path.startsWith(request.getContextPath() + "/")
                || path.equals(request.getContextPath() + LOGIN)) {
            return;
        }
        String url = UrlUtils.buildFullRequestUrl(request.getScheme(), request.getServerName(),
                request.getServerPort(), path, uri.getRawQuery());
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, new SimpleSavedRequest(url));
    }
}
