package com.engagementledger.replacement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives replacements over HTTP against an application that may be restarted or killed between calls: engagements,
 * requests, candidates, the test clock, and the read models polled with generous bounds (a restarted application
 * may be rebuilding them).
 */
final class ReplacementDriver {

    /** A read model rebuilt after a kill, on a loaded two-core machine. */
    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(60);

    private final Api api;

    ReplacementDriver(Api api) {
        this.api = api;
    }

    ReplacementDriver(int port) {
        this(new Api(port));
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    Instant now() {
        return Instant.parse(api.as("admin").get("/api/admin/clock").json().get("instant").asText());
    }

    /** Moves the test clock to 09:00 UTC of the next Monday, so that business days fall the same in every run. */
    LocalDate moveClockToNextMonday() {
        LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        moveClockTo(monday);
        return monday;
    }

    /** Moves the clock to 09:00 UTC of {@code day}; returns once everything due has fired and been handled. */
    void moveClockTo(LocalDate day) {
        moveClockTo(nineAm(day));
    }

    void moveClockTo(Instant instant) {
        Api.Response moved = api.as("admin").post("/api/admin/clock", Map.of("instant", instant.toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("pendingDueActions").asInt()).as("deadlines still due: " + moved).isZero();
        assertThat(moved.json().get("processorsBehind")).as("processors behind: " + moved).isEmpty();
    }

    static Instant nineAm(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    /** An engagement without a trial whose one seat starts, and which is active from, {@code start}. */
    String activeEngagement(String client, LocalDate start, String monthlyRate) {
        Map<String, Object> body = Map.of("clientId", client, "clientName", "Client " + client,
                "roleTitle", "Backend Engineer", "currency", "EUR", "billingModel", "MONTHLY",
                "terms", Map.of("trialDays", 0),
                "seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                        "rate", new BigDecimal(monthlyRate), "startDate", start.toString())));
        Api.Response proposed = api.as("manager").post("/api/engagements", body);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.json().get("id").asText();
        Api.Response activated = api.as("manager").post("/api/engagements/" + id + "/activate",
                Map.of("activationDate", start.toString()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return id;
    }

    String seatOf(String engagement) {
        return engagement(engagement, e -> e.path("seats").size() == 1).get("seats").get(0).get("seatId").asText();
    }

    /** Requests a replacement of the engagement's one seat for non-performance; returns its id once acknowledged. */
    String requestForNonPerformance(String engagement) {
        Api.Response requested = api.as("manager").post("/api/engagements/" + engagement + "/replacements",
                Map.of("seatId", seatOf(engagement), "reason", "NON_PERFORMANCE", "note", "Misses commitments"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return requested.json().get("replacementId").asText();
    }

    /** Proposes a candidate and accepts it, starting on {@code start}. */
    void acceptCandidate(String replacement, String professionalId, LocalDate start) {
        Api.Response proposed = api.as("manager").post("/api/replacements/" + replacement + "/candidates",
                Map.of("professionalId", professionalId, "professionalName", "Erin Walsh"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String candidate = proposed.json().get("candidateId").asText();
        Api.Response accepted = api.as("manager").post("/api/replacements/" + replacement + "/candidates/"
                + candidate + "/accept", Map.of("startDate", start.toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    JsonNode replacement(String id, Predicate<JsonNode> condition) {
        return awaitJson("/api/replacements/" + id, condition);
    }

    JsonNode guarantees(String engagement, Predicate<JsonNode> condition) {
        return awaitJson("/api/guarantees?engagementId=" + engagement, condition);
    }

    JsonNode engagement(String id, Predicate<JsonNode> condition) {
        return awaitJson("/api/engagements/" + id, condition);
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
        return await().atMost(READ_MODEL_LAG).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            Api.Response response = api.as("finance").get(path);
            return response.status() == 200 ? response.json() : null;
        }, found -> found != null && condition.test(found));
    }

    /** How many events of the type named {@code payloadType} (its simple name) the aggregate has in the store. */
    static long events(JdbcTemplate jdbc, String aggregateId, String payloadType) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ?", Long.class, aggregateId, "%." + payloadType);
        return count == null ? 0 : count;
    }
}
