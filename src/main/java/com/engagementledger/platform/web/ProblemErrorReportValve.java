package com.engagementledger.platform.web;

import com.engagementledger.platform.audit.RequestContext;
import com.engagementledger.platform.audit.RequestIdFilter;
import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error page, for requests it refuses before the application sees them (a header too large: 431, a
 * request line too long: 414, a malformed request line or path): a problem document instead of an HTML page that
 * names the server and its version. It names the request like every other problem: a request Tomcat refuses never
 * reached the filter that gives it an id, so the id is made here.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final String HEAD_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    /** The start of Tomcat's words for a header line it rejects (before the quoted line). */
    private static final String HEADER_REJECTED = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.invalidheader.reject").split("\\[", 2)[0];

    /** Tomcat's own words for an overflowing request head, in the locale its messages are in. */
    private static boolean tooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && HEAD_TOO_LARGE.equals(throwable.getMessage());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == 400 && tooLarge(throwable)) {
            // Tomcat says 400 for any request head that overflows its buffer; the client can act on which part
            status = request.getCoyoteRequest().requestURI().isNull() ? 414 : 431;
            response.setStatus(status);
            // Tomcat closes the connection after a head it could not read, but says so only for a 400: without the
            // header a keep-alive client sends its next request into the closed connection and gets no answer
            response.setHeader("Connection", "close");
        }
        String detail = status == 400 && throwable != null && throwable.getMessage() != null
                && throwable.getMessage().startsWith(HEADER_REJECTED)
                ? ServerProblems.headerDetail() : ServerProblems.detail(status);
        String requestId = requestId(request, response);
        String path = request.getCoyoteRequest().requestURI().isNull() ? null
                : request.getCoyoteRequest().requestURI().toString();
        // a console path gets a readable page (ADR 0041); an unknown path (the request line too long to read) stays
        // the API's problem document, as nothing says it came from a browser
        boolean console = path != null && !ApiPaths.isApi(path);
        try {
            response.setContentType(console ? "text/html" : "application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(console ? page(status, requestId) : ServerProblems.json(status, detail, path, requestId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more can be said to this client
        }
    }

    /**
     * The console's error page without the application (which never saw the request): its style sheet, a title, a
     * sentence, the request id, a way back; no script, no inline style (the console's Content-Security-Policy).
     */
    static String page(int status, String requestId) {
        String title = status == 400 ? "This request cannot be read" : ServerProblems.title(status);
        String message = status == 400
                ? "The address or the form held something this page cannot read. Go back and try again."
                : ServerProblems.detail(status);
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Engagement Ledger</title>"
                + "<link rel=\"stylesheet\" href=\"/console.css\"></head><body>"
                + "<main id=\"main\"><div class=\"narrow\"><h1>" + escape(title) + "</h1><p>" + escape(message)
                + "</p><p class=\"muted\">Status " + status + ", request id <code>" + escape(requestId)
                + "</code>.</p><p><a href=\"/\">Back to the start page</a></p></div></main></body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String requestId(Request request, Response response) {
        String id = response.getHeader(RequestIdFilter.REQUEST_ID_HEADER);
        if (id == null) {
            id = request.getAttribute(RequestContext.ATTRIBUTE) instanceof RequestContext context
                    ? context.requestId() : UUID.randomUUID().toString();
            response.setHeader(RequestIdFilter.REQUEST_ID_HEADER, id);
        }
        return id;
    }
}
