package com.engagementledger.replacement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The replacement guarantee over HTTP, driven by the test clock (issue 6, "done when"): a replacement requested on
 * day 10 of a seat for non-performance is free; one candidate is rejected, a second accepted; the overlap runs five
 * business days; the day after it the seat's professional is the new one. A request on day 120 is billable, with
 * its reason. An SLA missed by 2 business days is recorded once, with a credit of 2 day rates in the guarantees
 * view. And the refusals the engagement and the replacement decide, each a 4xx naming its rule.
 */
class ReplacementFlowHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(5);

    @Test
    void aFreeReplacementRunsFromRequestThroughARejectionAndTheOverlapToTheSwap() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = activeEngagement("flow-free", monday, "9800.00");
        String seat = seatOf(engagement);
        // day 10 of the seat, a Wednesday
        LocalDate requestDay = monday.plusDays(9);
        moveClockTo(requestDay);

        Api.Response requested = api.as("manager").post("/api/engagements/" + engagement + "/replacements",
                Map.of("seatId", seat, "reason", "NON_PERFORMANCE", "note", "Misses sprint commitments"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().get("replacementId").asText();
        assertThat(requested.json().get("version").asLong()).isZero();
        assertThat(requested.header("Location")).isEqualTo("/api/replacements/" + id);
        assertThat(requested.header("ETag")).isEqualTo("\"0\"");

        JsonNode replacement = awaitReplacement(id, r -> r.path("status").asText().equals("REQUESTED"));
        assertThat(replacement.get("eligibility").asText()).isEqualTo("FREE");
        assertThat(replacement.get("eligibilityReason").asText()).contains("day 10");
        assertThat(replacement.get("requestedOn").asText()).isEqualTo(requestDay.toString());
        assertThat(replacement.get("slaDueDate").asText()).isEqualTo(requestDay.plusDays(7).toString());
        assertThat(replacement.get("outgoingProfessionalId").asText()).isEqualTo("pro-flow-free");
        assertThat(replacement.hasNonNull("breach")).as("the SLA holds").isFalse();

        String first = proposeCandidate(id, "pro-dev", "Dev Patel");
        Api.Response rejected = api.as("manager").post("/api/replacements/" + id + "/candidates/" + first
                + "/reject", Map.of("reason", "No production experience with Kafka"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        String second = proposeCandidate(id, "pro-carla", "Carla Mendes");
        LocalDate start = requestDay.plusDays(1);
        Api.Response accepted = api.as("manager").post("/api/replacements/" + id + "/candidates/" + second
                + "/accept", Map.of("startDate", start.toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.header("ETag")).isEqualTo("\"" + accepted.json().get("version").asLong() + "\"");

        replacement = awaitReplacement(id, r -> r.path("status").asText().equals("CANDIDATE_ACCEPTED"));
        assertThat(replacement.get("candidates")).extracting(c -> c.get("status").asText())
                .containsExactly("REJECTED", "ACCEPTED");
        assertThat(replacement.get("candidates").get(0).get("rejectionReason").asText()).contains("Kafka");
        assertThat(replacement.get("overlapFrom").asText()).isEqualTo(start.toString());
        assertThat(replacement.get("overlapTo").asText()).as("five business days: Thursday to Wednesday")
                .isEqualTo(requestDay.plusDays(7).toString());
        JsonNode seatGuarantee = awaitGuarantees(engagement, g -> g.path("seats").get(0)
                .hasNonNull("openReplacement")).get("seats").get(0);
        assertThat(seatGuarantee.get("freeReplacementsUsed").asInt()).isEqualTo(1);
        assertThat(seatGuarantee.get("freeReplacementsLeft").asInt()).isEqualTo(1);
        assertThat(seatGuarantee.get("guaranteeEndsOn").asText()).isEqualTo(monday.plusDays(89).toString());

        moveClockTo(start);
        assertThat(replacement(id).get("status").asText()).isEqualTo("OVERLAP");
        assertThat(api.as("manager").get("/api/replacements?engagementId=" + engagement + "&status=OVERLAP")
                .json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(api.as("auditor").get("/api/engagements/" + engagement).body())
                .as("the overlap shows in the engagement's seat history").contains("pro-carla");

        LocalDate swap = requestDay.plusDays(8);
        moveClockTo(swap);
        replacement = awaitReplacement(id, r -> r.path("status").asText().equals("COMPLETED"));
        assertThat(replacement.get("completedOn").asText()).isEqualTo(swap.toString());
        JsonNode held = awaitGuarantees(engagement, g -> g.path("seats").get(0).path("professionalId").asText()
                .equals("pro-carla")).get("seats").get(0);
        assertThat(held.hasNonNull("openReplacement")).isFalse();
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> assertThat(api.as("auditor")
                .get("/api/engagements/" + engagement).json().get("seats").get(0).get("professionalId").asText())
                .isEqualTo("pro-carla"));
    }

    @Test
    void aRequestOnDay120OfTheSeatIsBillableWithItsReason() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = activeEngagement("flow-billable", monday, "85.00");
        moveClockTo(monday.plusDays(119));
        Api.Response requested = api.as("manager").post("/api/engagements/" + engagement + "/replacements",
                Map.of("seatId", seatOf(engagement), "reason", "CLIENT_REQUEST"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        JsonNode replacement = awaitReplacement(requested.json().get("replacementId").asText(),
                r -> r.has("eligibility"));
        assertThat(replacement.get("eligibility").asText()).isEqualTo("BILLABLE");
        assertThat(replacement.get("eligibilityReason").asText()).contains("day 120").contains("guarantee window");
    }

    @Test
    void anSlaMissedByTwoBusinessDaysIsRecordedOnceWithACreditOfTwoDayRates() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = activeEngagement("flow-sla", monday, "9800.00");
        Api.Response requested = api.as("manager").post("/api/engagements/" + engagement + "/replacements",
                Map.of("seatId", seatOf(engagement), "reason", "NON_PERFORMANCE"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().get("replacementId").asText();
        LocalDate due = monday.plusDays(7);
        LocalDate wednesday = due.plusDays(2);

        moveClockTo(wednesday);
        JsonNode late = replacement(id);
        assertThat(late.get("breach").get("businessDaysLate").asInt()).isEqualTo(2);
        assertThat(late.get("breach").get("recordedOn").asText()).isEqualTo(due.plusDays(1).toString());
        assertThat(late.get("breach").get("fixed").asBoolean()).isFalse();
        JsonNode open = api.as("finance").get("/api/guarantees?engagementId=" + engagement).json()
                .get("seats").get(0).get("openReplacement");
        assertThat(open.get("businessDaysLate").asInt()).isEqualTo(2);
        assertThat(open.get("businessDaysLeft").asInt()).isZero();

        String candidate = proposeCandidate(id, "pro-erin", "Erin Walsh");
        Api.Response accepted = api.as("manager").post("/api/replacements/" + id + "/candidates/" + candidate
                + "/accept", Map.of("startDate", wednesday.plusDays(1).toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        // 9800 a month: 9800 x 12 / 260 a day; 2 days = 904.615... -> 904.62 EUR
        JsonNode guarantees = awaitGuarantees(engagement, g -> g.path("creditsOwed").decimalValue().signum() > 0);
        assertThat(guarantees.get("creditsOwed").decimalValue()).isEqualByComparingTo("904.62");
        assertThat(guarantees.get("breaches")).singleElement().satisfies(breach -> {
            assertThat(breach.get("replacementId").asText()).isEqualTo(id);
            assertThat(breach.get("businessDaysLate").asInt()).isEqualTo(2);
            assertThat(breach.get("creditAmount").decimalValue()).isEqualByComparingTo("904.62");
            assertThat(breach.get("creditFixed").asBoolean()).isTrue();
        });
        JsonNode breach = replacement(id).get("breach");
        assertThat(breach.get("creditAmount").decimalValue()).isEqualByComparingTo("904.62");
        assertThat(breach.get("currency").asText()).isEqualTo("EUR");
        assertThat(breach.get("fixed").asBoolean()).isTrue();

        moveClockTo(wednesday.plusDays(20));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND"
                + " payloadType LIKE '%ReplacementSlaBreached'", Long.class, id)).as("recorded once").isEqualTo(1);
        assertThat(replacement(id).get("breach").get("businessDaysLate").asInt()).as("fixed").isEqualTo(2);
    }

    @Test
    void refusalsNameTheirRuleAndStoreNothing() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = activeEngagement("flow-refusals", monday, "9800.00");
        String seat = seatOf(engagement);
        String path = "/api/engagements/" + engagement + "/replacements";

        long before = eventCount();
        Api.Response unknownSeat = api.as("manager").post(path, Map.of("seatId", "no-such-seat",
                "reason", "ATTRITION"));
        assertThat(unknownSeat.status()).as(unknownSeat.toString()).isEqualTo(404);
        assertThat(unknownSeat.body()).contains("seatId");
        Api.Response unknownEngagement = api.as("manager").post("/api/engagements/no-such-engagement/replacements",
                Map.of("seatId", seat, "reason", "ATTRITION"));
        assertThat(unknownEngagement.status()).as(unknownEngagement.toString()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);

        Api.Response requested = api.as("manager").post(path, Map.of("seatId", seat, "reason", "NON_PERFORMANCE"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().get("replacementId").asText();
        refused(api.as("manager").post(path, Map.of("seatId", seat, "reason", "ATTRITION")),
                "a second open replacement on the seat");
        refused(api.as("manager").post("/api/replacements/" + id + "/candidates/no-such-candidate/accept",
                Map.of("startDate", monday.plusDays(1).toString())), "accept without a candidate");
        refused(api.as("manager").post("/api/replacements/" + id + "/candidates",
                Map.of("professionalId", "pro-flow-refusals", "professionalName", "Pat Doe")),
                "the outgoing professional as candidate");
        refused(api.as("auditor").post("/api/replacements/" + id + "/withdraw", Map.of()), "an auditor");
        refused(api.as("finance").post("/api/replacements/" + id + "/withdraw", Map.of()), "finance");

        Api.Response withdrawn = api.as("manager").post("/api/replacements/" + id + "/withdraw",
                Map.of("reason", "The client keeps the professional"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        awaitReplacement(id, r -> r.path("status").asText().equals("WITHDRAWN"));

        // the engagement's last seat cannot be released: a second one keeps it running
        Api.Response added = api.as("manager").post("/api/engagements/" + engagement + "/seats", Map.of(
                "professionalId", "pro-second", "professionalName", "Sam Lee", "rate", 9800,
                "startDate", monday.toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Api.Response release = api.as("manager").post("/api/engagements/" + engagement + "/seats/" + seat
                + "/release", Map.of("releaseDate", monday.plusDays(1).toString()));
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        refused(api.as("manager").post(path, Map.of("seatId", seat, "reason", "ATTRITION")), "a released seat");
    }

    private void refused(Api.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).as(what + " names its rule").isNotBlank();
    }

    private String seatOf(String engagement) {
        return await().atMost(READ_MODEL_LAG).until(() -> {
            JsonNode seats = api.as("manager").get("/api/engagements/" + engagement).json().path("seats");
            return seats.isEmpty() ? null : seats.get(0).get("seatId").asText();
        }, seat -> seat != null);
    }

    private String proposeCandidate(String replacement, String professionalId, String name) {
        Api.Response proposed = api.as("manager").post("/api/replacements/" + replacement + "/candidates",
                Map.of("professionalId", professionalId, "professionalName", name));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().get("replacementId").asText()).isEqualTo(replacement);
        return proposed.json().get("candidateId").asText();
    }

    private JsonNode replacement(String id) {
        Api.Response response = api.as("auditor").get("/api/replacements/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitReplacement(String id, Predicate<JsonNode> condition) {
        return await().atMost(READ_MODEL_LAG).until(() -> {
            Api.Response response = api.as("auditor").get("/api/replacements/" + id);
            return response.status() == 200 ? response.json() : null;
        }, found -> found != null && condition.test(found));
    }

    private JsonNode awaitGuarantees(String engagement, Predicate<JsonNode> condition) {
        return await().atMost(READ_MODEL_LAG).until(() -> {
            Api.Response response = api.as("finance").get("/api/guarantees?engagementId=" + engagement);
            return response.status() == 200 ? response.json() : null;
        }, found -> found != null && condition.test(found));
    }

    /** Moves the test clock to 09:00 UTC of the next Monday, so that business days fall the same in every run. */
    private LocalDate moveClockToNextMonday() {
        LocalDate monday = LocalDate.ofInstant(now(), ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        moveClockTo(monday);
        return monday;
    }
}
