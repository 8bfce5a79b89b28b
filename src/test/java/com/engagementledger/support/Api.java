package com.engagementledger.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for end-to-end tests: raw bodies (so that malformed JSON can be sent as it is), Basic
 * credentials, any header.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Call as(String user) {
        return new Call(user);
    }

    public Call anonymous() {
        return new Call(null);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request being built. */
    public final class Call {
        private final String user;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String user) {
            this.user = user;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        public Response post(String path, String body) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        public Response post(String path, Object body) {
            return post(path, body == null ? null : json(body));
        }

        public Response method(String method, String path, String body) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)));
        }

        private Response send(HttpRequest.Builder builder) {
            if (user != null) {
                builder.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
            }
            headers.putIfAbsent("Content-Type", "application/json");
            headers.forEach(builder::header);
            builder.timeout(Duration.ofSeconds(30));
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response with its body parsed as JSON on demand. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
