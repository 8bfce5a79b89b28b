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
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the timesheet endpoints: each gets a 4xx problem naming the field and the rule, never a 500, and
 * nothing is stored. Malformed requests (a week that is no ISO week, such as 2026-W54 or 2026-13; keys of hours that
 * are no days; values that are not numbers) and requests the engagement or the timesheet refuse (a day outside the
 * week, more than 24 hours, less than 0, not in quarter hours, a week not begun, a day not billed, a monthly
 * engagement, an unknown engagement, seat or timesheet).
 */
class TimesheetBadInputHttpTest extends HttpTestSupport {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(10);

    private record Case(String name, String method, String path, String body, int status, String field,
                        String rule) {
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndTheRuleAndStoresNothing() {
        LocalDate monday = LocalDate.ofInstant(now(), ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        moveClockTo(monday);
        String hourly = engagement("ts-bad", monday, "HOURLY");
        String monthly = engagement("ts-bad-monthly", monday, "MONTHLY");
        String seat = seatOf(hourly);
        String monthlySeat = seatOf(monthly);
        moveClockTo(monday.plusDays(9));
        String week = TimesheetFlowHttpTest.week(monday);
        String previousWeek = TimesheetFlowHttpTest.week(monday.minusDays(7));
        String nextWeek = TimesheetFlowHttpTest.week(monday.plusDays(14));

        List<Case> cases = new ArrayList<>();
        cases.add(submit("week 54 of 2026", hourly, seat, "2026-W54", "{}", 422, "week", "week"));
        cases.add(submit("week 53 of 2025", hourly, seat, "2025-W53", "{}", 422, "week", "week"));
        cases.add(submit("week 0", hourly, seat, "2026-W00", "{}", 422, "week", "week"));
        cases.add(submit("a month, not a week", hourly, seat, "2026-13", "{}", 422, "week", "week"));
        cases.add(submit("a one-digit week", hourly, seat, "2026-W5", "{}", 422, "week", "week"));
        cases.add(submit("a week with a day", hourly, seat, "2026-W05-1", "{}", 422, "week", "week"));
        cases.add(new Case("no week", "POST", "/api/timesheets", "{\"engagementId\": \"" + hourly
                + "\", \"seatId\": \"" + seat + "\", \"hours\": {}}", 400, "week", null));
        cases.add(new Case("no hours", "POST", "/api/timesheets", "{\"engagementId\": \"" + hourly
                + "\", \"seatId\": \"" + seat + "\", \"week\": \"" + week + "\"}", 400, "hours", null));
        cases.add(submit("a key that is no date", hourly, seat, week, "{\"monday\": 8}", 422, "hours.monday",
                "date"));
        cases.add(submit("an impossible date", hourly, seat, week, "{\"2026-02-30\": 8}", 422, "hours.2026-02-30",
                "date"));
        cases.add(submit("a date with a signed year", hourly, seat, week, "{\"+2026-03-02\": 8}", 422,
                "hours.+2026-03-02", "date"));
        cases.add(submit("a day outside the week", hourly, seat, week, "{\"" + monday.minusDays(1) + "\": 8}",
                422, "hours." + monday.minusDays(1), "in-week"));
        cases.add(submit("more than 24 hours", hourly, seat, week, "{\"" + monday + "\": 24.25}", 422,
                "hours." + monday, "range"));
        cases.add(submit("negative hours", hourly, seat, week, "{\"" + monday + "\": -1}", 422,
                "hours." + monday, "range"));
        cases.add(submit("not quarter hours", hourly, seat, week, "{\"" + monday + "\": 7.3}", 422,
                "hours." + monday, "quarter-hours"));
        cases.add(submit("a tiny fraction", hourly, seat, week, "{\"" + monday + "\": 1E-400}", 422,
                "hours." + monday, "quarter-hours"));
        cases.add(submit("null hours for a day", hourly, seat, week, "{\"" + monday + "\": null}", 422,
                "hours." + monday, "required"));
        cases.add(submit("hours as text", hourly, seat, week, "{\"" + monday + "\": \"eight\"}", 400, null, null));
        cases.add(submit("hours as a list", hourly, seat, week, "[8, 8]", 400, "hours", null));
        cases.add(submit("more than seven days", hourly, seat, week, eightDays(monday), 400, "hours", null));
        cases.add(submit("hours of a day not billed", hourly, seat, previousWeek,
                "{\"" + monday.minusDays(7) + "\": 8}", 422, "week", "no-billed-day"));
        cases.add(submit("a week not begun", hourly, seat, nextWeek, "{}", 422, "week", "future-week"));
        cases.add(submit("hours after today", hourly, seat, TimesheetFlowHttpTest.week(monday.plusDays(7)),
                "{\"" + monday.plusDays(10) + "\": 8}", 422, "hours." + monday.plusDays(10), "future-day"));
        cases.add(submit("a monthly engagement", monthly, monthlySeat, week, "{}", 409, null, "hourly-only"));
        cases.add(submit("an unknown engagement", "no-such-engagement", seat, week, "{}", 404, "engagementId",
                "not-found"));
        cases.add(submit("an unknown seat", hourly, "no-such-seat", week, "{}", 404, "seatId", null));
        cases.add(submit("a malformed seat id", hourly, "seat 1", week, "{}", 400, "seatId", null));

        cases.add(new Case("approve an unknown timesheet", "POST", "/api/timesheets/no-such-timesheet/approve",
                "{}", 404, "id", null));
        cases.add(new Case("dispute without a reason", "POST", "/api/timesheets/no-such-timesheet/dispute", "{}",
                400, "reason", null));
        cases.add(new Case("dispute with a blank reason", "POST", "/api/timesheets/no-such-timesheet/dispute",
                "{\"reason\": \"  \"}", 400, "reason", null));
        cases.add(new Case("resubmit without hours", "POST", "/api/timesheets/no-such-timesheet/resubmit", "{}",
                400, "hours", null));
        cases.add(new Case("resubmit with a key that is no date", "POST",
                "/api/timesheets/no-such-timesheet/resubmit", "{\"hours\": {\"x\": 1}}", 422, "hours.x", "date"));
        cases.add(new Case("correction without a reason", "POST", "/api/timesheets/no-such-timesheet/corrections",
                "{\"hours\": {}}", 400, "reason", null));
        cases.add(new Case("correction with an unknown field", "POST",
                "/api/timesheets/no-such-timesheet/corrections",
                "{\"hours\": {}, \"reason\": \"typo\", \"approved\": true}", 400, "approved", null));
        cases.add(new Case("malformed timesheet id", "POST", "/api/timesheets/t!1/approve", "{}", 400, "id",
                null));

        cases.add(new Case("list of week 54", "GET", "/api/timesheets?week=2026-W54", null, 422, "week", "week"));
        cases.add(new Case("list of a month", "GET", "/api/timesheets?week=2026-03", null, 422, "week", "week"));
        cases.add(new Case("list in an unknown status", "GET", "/api/timesheets?status=LATE", null, 400, "status",
                null));
        cases.add(new Case("list with an unknown parameter", "GET", "/api/timesheets?seat=x", null, 400, "seat",
                null));
        cases.add(new Case("list page too large", "GET", "/api/timesheets?size=201", null, 400, "size", null));
        cases.add(new Case("read an unknown timesheet", "GET", "/api/timesheets/no-such-timesheet", null, 404,
                "id", null));

        long events = eventCount();
        SoftAssertions soft = new SoftAssertions();
        for (Case c : cases) {
            Api.Call manager = api.as("manager");
            Api.Response response = c.method().equals("GET") ? manager.get(c.path()) : manager.post(c.path(),
                    c.body());
            String what = c.name() + " -> " + response;
            soft.assertThat(response.status()).as(what).isEqualTo(c.status());
            soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            JsonNode problem = response.json();
            List<String> fields = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            rules.add(problem.path("rule").asText());
            problem.path("errors").forEach(error -> {
                fields.add(error.path("field").asText());
                rules.add(error.path("rule").asText());
            });
            if (c.field() != null) {
                soft.assertThat(fields).as(what).contains(c.field());
            }
            if (c.rule() != null) {
                soft.assertThat(rules).as(what).contains(c.rule());
            }
            soft.assertThat(rules).as(what + " names a rule").anyMatch(rule -> !rule.isBlank());
        }
        soft.assertThat(eventCount()).as("events stored").isEqualTo(events);
        soft.assertAll();
    }

    private static Case submit(String name, String engagement, String seat, String week, String hours, int status,
                               String field, String rule) {
        return new Case(name, "POST", "/api/timesheets", "{\"engagementId\": \"" + engagement + "\", \"seatId\": \""
                + seat + "\", \"week\": \"" + week + "\", \"hours\": " + hours + "}", status, field, rule);
    }

    private static String eightDays(LocalDate monday) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 8; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(monday.plusDays(i)).append("\": 0");
        }
        return json.append('}').toString();
    }

    private String engagement(String client, LocalDate start, String billingModel) {
        Map<String, Object> body = proposalWithoutTrial(client, start.toString());
        body.put("billingModel", billingModel);
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
}
