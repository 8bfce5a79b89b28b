package com.engagementledger.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error page, for requests it refuses before the application sees them (a header too large: 431, a
 * request line too long: 414, a malformed request line or path): a problem document instead of an HTML page that
 * names the server and its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final String HEAD_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

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
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ServerProblems.json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more can be said to this client
        }
    }
}
