package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Cases the bad-input property test (BadInputPropertyTest) generated and the application got wrong, each kept here as
 * it was found, so that it stays fixed whatever seed the property test runs with.
 */
class BadInputExamplesHttpTest extends HttpTestSupport {

    /**
     * Found as "HTTP/1.1 header parser received no bytes" on the request after a 10,000-character Idempotency-Key:
     * the server answered 431 and closed the connection without saying so, and the client reused it.
     */
    @Test
    void aRequestHeadTooLargeIsAnsweredWithConnectionCloseOnAKeepAliveConnection() throws IOException {
        long events = eventCount();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            // no "Connection: close" from the client: HTTP/1.1 keeps the connection unless the server says otherwise
            socket.getOutputStream().write(("POST /api/engagements/unknown/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic bWFuYWdlcjpzZWNyZXQ=\r\nIdempotency-Key: " + "k".repeat(10_000)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 431");
            assertThat(answer.lines().takeWhile(line -> !line.isEmpty()))
                    .anyMatch(line -> line.equalsIgnoreCase("Connection: close"));
            assertThat(answer).contains("application/problem+json").contains("\"status\":431");
        }
        Api.Response next = api.as("manager").header("Idempotency-Key", "k".repeat(10_000))
                .post("/api/engagements/unknown/cancel", "{\"reason\":\"r\"}");
        assertThat(next.status()).as(next.toString()).isEqualTo(431);
        Api.Response afterIt = api.as("manager").post("/api/engagements/unknown/cancel", "{\"reason\":\"r\"}");
        assertThat(afterIt.status()).as(afterIt.toString()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
