package com.engagementledger.timesheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Timesheets over HTTP, driven by the test clock (issue 7): a week submitted by the account manager, disputed with
 * a reason, resubmitted, approved, then corrected with a reason; a week nobody disputes approves itself 7 days after
 * its submission; the list filtered by engagement, week and status; stale versions refused; who may do what.
 */
class TimesheetFlowHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(10);

    @Test
    void aWeekRunsFromSubmissionThroughDisputeAndResubmissionToApprovalAndACorrection() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = hourlyEngagement("ts-flow", monday);
        String seat = seatOf(engagement);
        moveClockTo(monday.plusDays(7));
        String week = week(monday);

        Map<String, Object> week1 = Map.of("engagementId", engagement, "seatId", seat, "week", week, "hours",
                days(monday, "8", "8", "7.5", "8", "6"));
        Api.Response submitted = api.as("manager").header("Idempotency-Key", "ts-flow-week-1")
                .post("/api/timesheets", week1);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().get("timesheetId").asText();
        long events = eventCount();
        Api.Response retried = api.as("manager").header("Idempotency-Key", "ts-flow-week-1")
                .post("/api/timesheets", week1);
        assertThat(retried.status()).as("a retry gets the first answer: " + retried).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("timesheetId").asText()).isEqualTo(id);
        assertThat(eventCount()).as("nothing stored twice").isEqualTo(events);
        assertThat(submitted.header("Location")).isEqualTo("/api/timesheets/" + id);
        assertThat(submitted.header("ETag")).isEqualTo("\"0\"");

        JsonNode timesheet = awaitTimesheet(id, t -> t.path("status").asText().equals("SUBMITTED"));
        assertThat(timesheet.get("engagementId").asText()).isEqualTo(engagement);
        assertThat(timesheet.get("seatId").asText()).isEqualTo(seat);
        assertThat(timesheet.get("week").asText()).isEqualTo(week);
        assertThat(timesheet.get("totalHours").decimalValue()).isEqualByComparingTo("37.5");
        assertThat(timesheet.get("hours").size()).as("every day of the week").isEqualTo(7);
        assertThat(timesheet.get("hours").get(monday.plusDays(2).toString()).decimalValue())
                .isEqualByComparingTo("7.5");
        assertThat(timesheet.get("autoApprovalOn").asText()).isEqualTo(monday.plusDays(14).toString());
        assertThat(timesheet.hasNonNull("submittedAt")).isTrue();
        assertThat(timesheet.hasNonNull("decidedAt")).isFalse();

        Api.Response stale = api.as("finance").header("If-Match", "\"3\"").post("/api/timesheets/" + id
                + "/dispute", Map.of("reason", "x"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        Api.Response disputed = api.as("finance").header("If-Match", "\"0\"").post("/api/timesheets/" + id
                + "/dispute", Map.of("reason", "Wednesday was a public holiday at the client"));
        assertThat(disputed.status()).as(disputed.toString()).isEqualTo(200);
        assertThat(disputed.header("ETag")).isEqualTo("\"1\"");
        timesheet = awaitTimesheet(id, t -> t.path("status").asText().equals("DISPUTED"));
        assertThat(timesheet.get("disputeReason").asText()).contains("public holiday");
        assertThat(timesheet.hasNonNull("decidedAt")).isTrue();

        refused(api.as("manager").post("/api/timesheets/" + id + "/approve", "{}"), "approve a disputed week",
                409, "status");
        Api.Response resubmitted = api.as("manager").header("If-Match", "\"1\"").post("/api/timesheets/" + id
                + "/resubmit", Map.of("hours", days(monday, "8", "8", "0", "8", "6")));
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        timesheet = awaitTimesheet(id, t -> t.path("status").asText().equals("SUBMITTED")
                && t.path("submission").asInt() == 2);
        assertThat(timesheet.get("totalHours").decimalValue()).isEqualByComparingTo("30");
        assertThat(timesheet.hasNonNull("disputeReason")).isFalse();

        Api.Response approved = api.as("manager").post("/api/timesheets/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.header("ETag")).isEqualTo("\"3\"");
        timesheet = awaitTimesheet(id, t -> t.path("status").asText().equals("APPROVED"));
        assertThat(timesheet.get("approvedAutomatically").asBoolean()).isFalse();
        assertThat(timesheet.get("approvedOn").asText()).isEqualTo(monday.plusDays(7).toString());

        refused(api.as("finance").post("/api/timesheets/" + id + "/corrections",
                        Map.of("hours", days(monday, "8", "8", "0", "8", "6"), "reason", "the same")),
                "a correction to the approved hours", 422, "unchanged");
        refused(api.as("finance").post("/api/timesheets/" + id + "/dispute", Map.of("reason", "late")),
                "dispute an approved week", 409, "status");
        Api.Response corrected = api.as("finance").header("If-Match", "\"3\"").post("/api/timesheets/" + id
                + "/corrections", Map.of("hours", days(monday, "8", "8", "0", "6", "6"),
                "reason", "Two hours of Thursday were booked on the wrong engagement"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.header("ETag")).isEqualTo("\"4\"");
        timesheet = awaitTimesheet(id, t -> t.path("corrections").size() == 1);
        assertThat(timesheet.get("status").asText()).isEqualTo("APPROVED");
        assertThat(timesheet.get("totalHours").decimalValue()).isEqualByComparingTo("28");
        assertThat(timesheet.get("corrections").get(0).get("previousTotalHours").decimalValue())
                .isEqualByComparingTo("30");
        assertThat(timesheet.get("corrections").get(0).get("reason").asText()).contains("wrong engagement");

        Api.Response read = api.as("auditor").get("/api/timesheets/" + id);
        assertThat(read.header("ETag")).isEqualTo("\"4\"");
        Api.Response unchanged = api.as("auditor").header("If-None-Match", "\"4\"").get("/api/timesheets/" + id);
        assertThat(unchanged.status()).isEqualTo(304);

        JsonNode listed = api.as("finance").get("/api/timesheets?engagementId=" + engagement + "&week=" + week
                + "&status=APPROVED").json();
        assertThat(listed.get("totalItems").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("timesheetId").asText()).isEqualTo(id);
        assertThat(api.as("finance").get("/api/timesheets?engagementId=" + engagement + "&status=DISPUTED")
                .json().get("totalItems").asInt()).isZero();
    }

    @Test
    void aWeekNobodyDisputesApprovesItselfSevenDaysAfterItsSubmission() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = hourlyEngagement("ts-auto", monday);
        String seat = seatOf(engagement);
        LocalDate submittedOn = monday.plusDays(7);
        moveClockTo(submittedOn);
        Api.Response submitted = api.as("manager").post("/api/timesheets", Map.of("engagementId", engagement,
                "seatId", seat, "week", week(monday), "hours", days(monday, "8", "8", "8", "8", "8")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().get("timesheetId").asText();
        awaitTimesheet(id, t -> t.path("status").asText().equals("SUBMITTED"));

        moveClockTo(submittedOn.plusDays(6));
        assertThat(timesheet(id).get("status").asText()).as("six days on").isEqualTo("SUBMITTED");

        moveClockTo(submittedOn.plusDays(7));
        JsonNode approved = awaitTimesheet(id, t -> t.path("status").asText().equals("APPROVED"));
        assertThat(approved.get("approvedAutomatically").asBoolean()).isTrue();
        assertThat(approved.get("approvedOn").asText()).isEqualTo(submittedOn.plusDays(7).toString());
        assertThat(approved.get("totalHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(approved.hasNonNull("decidedAt")).isTrue();

        refused(api.as("manager").post("/api/timesheets", Map.of("engagementId", engagement, "seatId", seat,
                "week", week(monday), "hours", days(monday, "1"))), "a second timesheet for the week", 409,
                "timesheet-exists");
    }

    @Test
    void rolesDecideWhoSubmitsDecidesCorrectsAndReads() {
        LocalDate monday = moveClockToNextMonday();
        String engagement = hourlyEngagement("ts-roles", monday);
        String seat = seatOf(engagement);
        moveClockTo(monday.plusDays(7));
        Map<String, Object> body = Map.of("engagementId", engagement, "seatId", seat, "week", week(monday),
                "hours", days(monday, "8"));
        long before = eventCount();
        assertThat(api.as("finance").post("/api/timesheets", body).status()).isEqualTo(403);
        assertThat(api.as("auditor").post("/api/timesheets", body).status()).isEqualTo(403);
        assertThat(api.as("admin").post("/api/timesheets", body).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
        Api.Response submitted = api.as("manager").post("/api/timesheets", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().get("timesheetId").asText();
        String path = "/api/timesheets/" + id;

        assertThat(api.as("auditor").post(path + "/approve", "{}").status()).isEqualTo(403);
        assertThat(api.as("auditor").post(path + "/dispute", Map.of("reason", "no")).status()).isEqualTo(403);
        assertThat(api.as("finance").post(path + "/resubmit", Map.of("hours", days(monday, "7"))).status())
                .isEqualTo(403);
        Api.Response approved = api.as("finance").post(path + "/approve", "{}");
        assertThat(approved.status()).as("finance records the client's approval: " + approved).isEqualTo(200);
        assertThat(api.as("auditor").post(path + "/corrections", Map.of("hours", days(monday, "7"),
                "reason", "typo")).status()).isEqualTo(403);
        Api.Response corrected = api.as("manager").post(path + "/corrections", Map.of("hours", days(monday, "7"),
                "reason", "Typo in Monday's hours"));
        assertThat(corrected.status()).as("the manager corrects with a reason: " + corrected).isEqualTo(200);
        for (String reader : List.of("manager", "finance", "auditor", "admin")) {
            awaitTimesheet(id, t -> t.path("version").asInt() == 2);
            assertThat(api.as(reader).get(path).status()).as(reader).isEqualTo(200);
            assertThat(api.as(reader).get("/api/timesheets?engagementId=" + engagement).status()).as(reader)
                    .isEqualTo(200);
        }
    }

    private void refused(Api.Response response, String what, int status, String rule) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).as(what + " names its rule").isEqualTo(rule);
    }

    /** The hours of the week of {@code monday}, from Monday on. */
    static Map<String, Object> days(LocalDate monday, String... hours) {
        Map<String, Object> days = new LinkedHashMap<>();
        for (int i = 0; i < hours.length; i++) {
            days.put(monday.plusDays(i).toString(), new BigDecimal(hours[i]));
        }
        return days;
    }

    static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** An active HOURLY engagement without a trial whose one seat, at 95 an hour, starts on {@code start}. */
    private String hourlyEngagement(String client, LocalDate start) {
        Map<String, Object> body = proposalWithoutTrial(client, start.toString());
        body.put("billingModel", "HOURLY");
        body.put("seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                "rate", new BigDecimal("95.00"), "startDate", start.toString())));
        return proposeAndActivate(body, start);
    }

    private String seatOf(String engagement) {
        return await().atMost(READ_MODEL_LAG).until(() -> {
            JsonNode seats = api.as("manager").get("/api/engagements/" + engagement).json().path("seats");
            return seats.isEmpty() ? null : seats.get(0).get("seatId").asText();
        }, seat -> seat != null);
    }

    private JsonNode timesheet(String id) {
        Api.Response response = api.as("auditor").get("/api/timesheets/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitTimesheet(String id, Predicate<JsonNode> condition) {
        return await().atMost(READ_MODEL_LAG).until(() -> {
            Api.Response response = api.as("auditor").get("/api/timesheets/" + id);
            return response.status() == 200 ? response.json() : null;
        }, found -> found != null && condition.test(found));
    }

    private LocalDate moveClockToNextMonday() {
        LocalDate monday = LocalDate.ofInstant(now(), ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        moveClockTo(monday);
        return monday;
    }
}
