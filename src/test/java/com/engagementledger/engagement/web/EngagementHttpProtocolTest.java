package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * ETag and If-Match optimistic concurrency, Idempotency-Key retries, and two conflicting commands racing.
 */
class EngagementHttpProtocolTest extends HttpTestSupport {

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheCurrentOneIsAccepted() {
        String id = proposeWithoutTrial("etag-client", today().toString());
        String etag = awaitEtag(id);
        assertThat(etag).isEqualTo("\"0\"");

        Api.Response stale = api.as("manager").header("If-Match", "\"7\"").post("/api/engagements/" + id + "/activate",
                (Object) null);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("rule").asText()).isEqualTo("stale-version");

        Api.Response fresh = api.as("manager").header("If-Match", etag).post("/api/engagements/" + id + "/activate",
                (Object) null);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isEqualTo("\"1\"");
        assertThat(fresh.json().get("version").asLong()).isEqualTo(1);

        Api.Response malformed = api.as("manager").header("If-Match", "seven")
                .post("/api/engagements/" + id + "/pause", (Object) null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void anUnchangedEngagementAnswersIfNoneMatchWith304() {
        String id = propose("etag-304", today().toString());
        String etag = awaitEtag(id);
        Api.Response cached = api.as("auditor").header("If-None-Match", etag).get("/api/engagements/" + id);
        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.raw().headers().allValues("ETag")).containsExactly(etag);
        assertThat(cached.body()).isEmpty();

        Api.Response listed = api.as("auditor").header("If-None-Match", "\"41\", W/" + etag)
                .get("/api/engagements/" + id);
        assertThat(listed.status()).isEqualTo(304);
        Api.Response other = api.as("auditor").header("If-None-Match", "\"41\"").get("/api/engagements/" + id);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.raw().headers().allValues("ETag")).containsExactly(etag);
    }

    @Test
    void ifNoneMatchStarOnAnExistingEngagementAnswers304() {
        String id = propose("etag-star", today().toString());
        String etag = awaitEtag(id);
        Api.Response cached = api.as("auditor").header("If-None-Match", "*").get("/api/engagements/" + id);
        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.raw().headers().allValues("ETag")).containsExactly(etag);
        assertThat(api.as("auditor").header("If-None-Match", "*").get("/api/engagements/" + UUID.randomUUID())
                .status()).isEqualTo(404);
    }

    @Test
    void methodsAResourceDoesNotSupportAre405WithAllow() {
        String id = propose("etag-405", today().toString());
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/engagements/" + id, "/api/engagements",
                    "/api/engagements/" + id + "/pause")) {
                Api.Response response = api.as("manager").method(method, path, "{}");
                assertThat(response.status()).as(method + " " + path).isEqualTo(405);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Allow")).as(method + " " + path).isNotBlank();
            }
        }
        assertThat(api.as("manager").method("DELETE", "/api/engagements/" + id, null).header("Allow"))
                .contains("GET").doesNotContain("DELETE");
    }

    @Test
    void aRepeatedIfMatchIsRefused() throws Exception {
        String id = proposeWithoutTrial("etag-twice", today().toString());
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + port + "/api/engagements/" + id + "/activate"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("manager:secret".getBytes()))
                        .header("If-Match", "\"0\"").header("If-Match", "\"0\"")
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"If-Match\"");
    }

    @Test
    void ifMatchComparesStronglyAndMalformedTagsAreRefused() throws Exception {
        String id = propose("etag-strict", today().toString());
        awaitEtag(id);
        long before = eventCount();
        Api.Response weak = api.as("manager").header("If-Match", "W/\"0\"")
                .post("/api/engagements/" + id + "/cancel", (Object) null);
        assertThat(weak.status()).as(weak.toString()).isEqualTo(412);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        java.net.http.HttpResponse<String> empty = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + port + "/api/engagements/" + id + "/cancel"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("manager:secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("If-Match", "")
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
        Api.Response junk = api.as("auditor").header("If-None-Match", "\"0\"junk").get("/api/engagements/" + id);
        assertThat(junk.status()).as(junk.toString()).isEqualTo(400);
        assertThat(junk.body()).contains("\"field\":\"If-None-Match\"");
    }

    @Test
    void ifMatchOnACreateFailsSinceNothingExistsToMatch() {
        long before = eventCount();
        Api.Response created = api.as("manager").header("If-Match", "\"0\"")
                .post("/api/engagements", proposal("etag-create", today().toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(412);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAddedSeatIsNamedInTheAnswer() {
        String id = propose("seat-answer", today().toString());
        Api.Response added = api.as("manager").post("/api/engagements/" + id + "/seats", Map.of("professionalId",
                "pro-answer", "professionalName", "Ann", "rate", 100, "startDate", today().toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String seatId = added.json().path("seatId").asText();
        assertThat(seatId).isNotEmpty();
        assertThat(added.json().path("id").asText()).isEqualTo(id);
        assertThat(added.json().path("version").asLong()).isEqualTo(1);
        assertThat(added.header("Location")).isEqualTo("/api/engagements/" + id + "#seat-" + seatId);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void twoConflictingCommandsWithTheSameVersionLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = propose("race-" + round, today().toString());
            String etag = awaitEtag(id);
            long before = eventCount();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Response>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String professional = "racer-" + i;
                racers.add(CompletableFuture.supplyAsync(() -> {
                    awaitStart(start);
                    return api.as("manager").header("If-Match", etag).post("/api/engagements/" + id + "/seats",
                            Map.of("professionalId", professional, "professionalName", "Racer",
                                    "rate", 100, "startDate", today().toString()));
                }));
            }
            start.countDown();
            List<Integer> statuses = racers.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
            assertThat(statuses).containsExactlyInAnyOrder(201, 412);
            assertThat(eventCount()).isEqualTo(before + 1);
        }
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstResponseAndAddsNoEvent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = proposal("idem-client", today().toString());
        long before = eventCount();

        Api.Response first = api.as("manager").header("Idempotency-Key", key).post("/api/engagements", body);
        Api.Response retry = api.as("manager").header("Idempotency-Key", key).post("/api/engagements", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before + 1);

        Map<String, Object> other = proposal("idem-other", today().toString());
        Api.Response reused = api.as("manager").header("Idempotency-Key", key).post("/api/engagements", other);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aRefusedRequestKeepsNoKeySoItsCorrectedRetryRuns() {
        String id = propose("idem-refused", today().toString());
        String key = UUID.randomUUID().toString();
        Api.Response refused = api.as("manager").header("Idempotency-Key", key)
                .post("/api/engagements/" + id + "/trial/accept", (Object) null);
        assertThat(refused.status()).isEqualTo(409);

        assertThat(api.as("manager").post("/api/engagements/" + id + "/trial", (Object) null).status())
                .isEqualTo(200);
        Api.Response accepted = api.as("manager").header("Idempotency-Key", key)
                .post("/api/engagements/" + id + "/trial/accept", (Object) null);
        assertThat(accepted.status()).as("the same key after a refusal runs the request again").isEqualTo(200);
        assertThat(accepted.header("Idempotent-Replayed")).isNull();

        Api.Response tooLong = api.as("manager").header("Idempotency-Key", "k".repeat(256))
                .post("/api/engagements/" + id + "/activate", (Object) null);
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void idempotencyKeysArePerCaller() {
        String key = UUID.randomUUID().toString();
        Api.Response proposed = api.as("manager").header("Idempotency-Key", key)
                .post("/api/engagements", proposal("idem-per-caller", today().toString()));
        assertThat(proposed.status()).isEqualTo(201);
        Api.Response otherCaller = api.as("admin").header("Idempotency-Key", key)
                .post("/api/admin/clock", java.util.Map.of("advanceBy", "PT1S"));
        assertThat(otherCaller.status()).as("another caller's key is not reused").isEqualTo(200);
        assertThat(otherCaller.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRetryThatRunsAgainCreatesNothingTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = proposal("idem-rerun", today().toString());
        Api.Response first = api.as("manager").header("Idempotency-Key", key).post("/api/engagements", body);
        assertThat(first.status()).isEqualTo(201);
        // As if the first run's response had been lost in a crash: the kept response is gone, the events are not.
        jdbc.update("DELETE FROM idempotency_keys WHERE idem_key = ?", key);
        long events = eventCount();
        Api.Response rerun = api.as("manager").header("Idempotency-Key", key).post("/api/engagements", body);
        assertThat(rerun.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(events);
    }

    private String awaitEtag(String id) {
        String[] etag = new String[1];
        await().atMost(Duration.ofSeconds(2)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/engagements/" + id);
            etag[0] = response.header("ETag");
            return response.status() == 200;
        });
        return etag[0];
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
