package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The whole engagement lifecycle over HTTP, as an account manager runs it, with each step visible in the read model
 * within a second and every event carrying who did it, why, and in which request.
 */
class EngagementLifecycleHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEngagementRunsFromProposalToItsEndWithEachStepInTheReadModelWithinASecond() throws Exception {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        Api.Call manager = api.as("manager");

        Api.Response created = manager.post("/api/engagements", proposal("lifecycle-client", today.toString()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/engagements/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode engagement = awaitEngagement(id, e -> e.get("status").asText().equals("PROPOSED"));
        assertThat(engagement.get("terms").get("trialDays").asInt()).isEqualTo(14);
        String firstSeat = engagement.get("seats").get(0).get("seatId").asText();
        JsonNode firstHolder = engagement.get("seats").get(0).get("holders").get(0);
        assertThat(firstHolder.get("professionalId").asText()).as("its history starts with its first holder")
                .isEqualTo(engagement.get("seats").get(0).get("professionalId").asText());
        assertThat(firstHolder.get("from").asText()).isEqualTo(today.toString());
        assertThat(firstHolder.hasNonNull("to")).as("still holding it").isFalse();
        assertThat(engagement.get("seats").get(0).get("overlaps")).isEmpty();
        assertThat(engagement.get("seats").get(0).hasNonNull("openReplacementId")).isFalse();

        assertThat(manager.post("/api/engagements/" + id + "/trial", (Object) null).status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> e.get("status").asText().equals("TRIAL"));
        assertThat(engagement.get("dates").get("trialLastDay").asText()).isEqualTo(today.plusDays(13).toString());

        assertThat(manager.post("/api/engagements/" + id + "/trial/accept", (Object) null).status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> e.get("status").asText().equals("ACTIVE"));
        assertThat(engagement.get("dates").get("activeFrom").asText()).isEqualTo(today.toString());

        Api.Response added = manager.post("/api/engagements/" + id + "/seats", Map.of("professionalId", "pro-2",
                "professionalName", "Robin Roe", "rate", new java.math.BigDecimal("9500.00"),
                "startDate", today.plusDays(1).toString()));
        assertThat(added.status()).isEqualTo(201);
        engagement = awaitEngagement(id, e -> e.get("seats").size() == 2);
        String secondSeat = engagement.get("seats").get(1).get("seatId").asText();

        assertThat(manager.post("/api/engagements/" + id + "/seats/" + firstSeat + "/release",
                Map.of("releaseDate", today.plusDays(10).toString())).status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> seat(e, firstSeat).hasNonNull("releaseDate"));
        assertThat(seat(engagement, firstSeat).get("releaseDate").asText()).isEqualTo(today.plusDays(10).toString());

        LocalDate rateDay = today.plusDays(30);
        assertThat(manager.post("/api/engagements/" + id + "/rate-changes", Map.of("seatId", secondSeat,
                "newRate", new java.math.BigDecimal("9900.00"), "effectiveDate", rateDay.toString(),
                "reason", "Annual review"))
                .status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> seat(e, secondSeat).get("scheduledRates").size() == 1);
        assertThat(seat(engagement, secondSeat).get("currentRate").decimalValue()).isEqualByComparingTo("9500.00");
        assertThat(seat(engagement, secondSeat).get("scheduledRates").get(0).get("rate").decimalValue())
                .isEqualByComparingTo("9900.00");

        assertThat(manager.post("/api/engagements/" + id + "/pause", (Object) null).status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> e.get("status").asText().equals("PAUSED"));
        assertThat(engagement.get("dates").get("pausedFrom").asText()).isEqualTo(today.toString());

        assertThat(manager.post("/api/engagements/" + id + "/resume",
                Map.of("resumeDate", today.plusDays(1).toString())).status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> e.get("dates").hasNonNull("scheduledResumeOn"));
        assertThat(engagement.get("status").asText()).as("paused today, billed again from tomorrow")
                .isEqualTo("PAUSED");
        assertThat(engagement.get("dates").get("scheduledResumeOn").asText())
                .isEqualTo(today.plusDays(1).toString());

        LocalDate lastDay = today.plusDays(30);
        assertThat(manager.post("/api/engagements/" + id + "/notice", Map.of("lastDay", lastDay.toString(),
                "forCause", false, "reason", "Project completes")).status()).isEqualTo(200);
        engagement = awaitEngagement(id, e -> e.get("status").asText().equals("NOTICE_GIVEN"));
        assertThat(engagement.get("dates").get("lastDay").asText()).isEqualTo(lastDay.toString());

        Api.Response tooEarly = manager.post("/api/engagements/" + id + "/end", (Object) null);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("rule").asText()).isEqualTo("notice-running");

        // The rate change shows as current from its effective day, without any new event.
        moveClockToOneAmNothingDue(rateDay);
        assertThat(seat(engagement(id), secondSeat).get("currentRate").decimalValue()).isEqualByComparingTo("9900.00");

        // The day after the last day, the engagement ends by itself.
        moveClockToOneAmNothingDue(lastDay.plusDays(1));
        engagement = awaitEngagement(id, e -> e.get("status").asText().equals("ENDED"));
        assertThat(engagement.get("dates").get("endedOn").asText()).isEqualTo(lastDay.plusDays(1).toString());

        List<JsonNode> metadata = metadataOf(id);
        assertThat(metadata).hasSize(engagement.get("version").asInt() + 1);
        for (JsonNode meta : metadata.subList(0, metadata.size() - 1)) {
            assertThat(meta.get("actor").asText()).isEqualTo("manager");
            assertThat(meta.get("roles").get(0).asText()).isEqualTo("ACCOUNT_MANAGER");
            assertThat(meta.hasNonNull("requestId")).isTrue();
            assertThat(meta.hasNonNull("correlationId")).isTrue();
            assertThat(meta.hasNonNull("causationId")).isTrue();
        }
        JsonNode ended = metadata.get(metadata.size() - 1);
        assertThat(ended.get("actor").asText()).isEqualTo("system");
        assertThat(ended.get("reason").asText()).contains("notice period ended");
        assertThat(metadata).anySatisfy(meta -> assertThat(meta.path("reason").asText()).isEqualTo("Annual review"));
    }

    @Test
    void anUndecidedTrialIsAcceptedByTheSystemTheDayAfterItsLastDay() throws Exception {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        String id = propose("lapsing-trial", today.toString());
        assertThat(api.as("manager").post("/api/engagements/" + id + "/trial", (Object) null).status())
                .isEqualTo(200);
        JsonNode trial = awaitEngagement(id, e -> e.get("status").asText().equals("TRIAL"));
        LocalDate lastDay = LocalDate.parse(trial.get("dates").get("trialLastDay").asText());

        moveClockToOneAmNothingDue(lastDay);
        assertThat(engagement(id).get("status").asText()).isEqualTo("TRIAL");

        moveClockToOneAmNothingDue(lastDay.plusDays(1));
        JsonNode accepted = awaitEngagement(id, e -> e.get("status").asText().equals("ACTIVE"));
        assertThat(accepted.get("dates").get("trialDecidedOn").asText()).isEqualTo(lastDay.plusDays(1).toString());
        JsonNode acceptance = metadataOf(id).get(2);
        assertThat(acceptance.get("actor").asText()).isEqualTo("system");
        assertThat(acceptance.get("roles").get(0).asText()).isEqualTo("SYSTEM");
        assertThat(acceptance.get("reason").asText()).contains("without a decision");
    }

    @Test
    void theListFiltersByStatusAndClientAndPages() {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        String first = propose("paging-client", today.toString());
        String second = proposeWithoutTrial("paging-client", today.toString());
        propose("paging-other", today.toString());
        api.as("manager").post("/api/engagements/" + second + "/activate", (Object) null);

        await().atMost(READ_MODEL_LAG).untilAsserted(() -> {
            JsonNode proposed = api.as("auditor")
                    .get("/api/engagements?clientId=paging-client&status=PROPOSED").json();
            assertThat(proposed.get("totalItems").asInt()).isEqualTo(1);
            assertThat(proposed.get("items").get(0).get("engagementId").asText()).isEqualTo(first);
        });
        JsonNode page0 = api.as("finance").get("/api/engagements?clientId=paging-client&size=1&page=0").json();
        JsonNode page1 = api.as("finance").get("/api/engagements?clientId=paging-client&size=1&page=1").json();
        assertThat(page0.get("totalItems").asInt()).isEqualTo(2);
        assertThat(page0.get("totalPages").asInt()).isEqualTo(2);
        assertThat(List.of(page0.get("items").get(0).get("engagementId").asText(),
                page1.get("items").get(0).get("engagementId").asText())).containsExactlyInAnyOrder(first, second);
    }

    private void moveClockToOneAmNothingDue(LocalDate day) {
        Api.Response moved = api.as("admin").post("/api/admin/clock",
                Map.of("instant", day.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant().toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("pendingDueActions").asInt()).isZero();
    }

    private JsonNode engagement(String id) {
        Api.Response response = api.as("auditor").get("/api/engagements/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitEngagement(String id, Predicate<JsonNode> condition) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(READ_MODEL_LAG).pollInterval(Duration.ofMillis(20)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/engagements/" + id);
            seen[0] = response.status() == 200 ? response.json() : null;
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }

    private static JsonNode seat(JsonNode engagement, String seatId) {
        for (JsonNode seat : engagement.get("seats")) {
            if (seat.get("seatId").asText().equals(seatId)) {
                return seat;
            }
        }
        throw new AssertionError("no seat " + seatId + " in " + engagement);
    }

    private List<JsonNode> metadataOf(String id) {
        return jdbc.query("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                (rs, i) -> {
                    try {
                        return JSON.readTree(rs.getBytes(1));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, id);
    }
}
