package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * More than a thousand malformed requests against every engagement endpoint: malformed and truncated JSON, wrong
 * types, missing and unknown fields, zero and negative amounts, unknown currencies, impossible and reversed dates,
 * bodies over 1 MB, unknown ids and illegal state transitions. Each gets a 4xx problem document that names the field
 * or the rule; none gets a 500; and not one event or idempotency key is stored.
 */
class BadInputHttpTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<Object> BAD_STRINGS = List.of(NullValue.NULL, "", "   ", List.of(), Map.of(),
            "x".repeat(201));
    private static final List<Object> BAD_DATES = List.of("2026-02-30", "2026-13-01", "not-a-date", "2026-1-1",
            20260101, true, List.of(), Map.of(), "", "31/12/2026", "+300000000-01-01", "+2026-01-01", "12026-01-01",
            "1969-12-31", "3000-01-01", "2026-03-01T00:00:00Z");
    private static final List<Object> BAD_AMOUNTS = List.of(0, -1, -0.01, "abc", "", true, List.of(), Map.of(),
            new java.math.BigDecimal("1E+400"), 1234567890123456L, 12.34567, NullValue.NULL);
    private static final List<Object> BAD_ENUMS = List.of("WEEKLY", "", "monthly", 1, List.of(), Map.of(),
            NullValue.NULL);
    private static final List<Object> BAD_CURRENCIES = List.of("XYZ", "eur", "EURO", "", NullValue.NULL, List.of(),
            "XXX", "123", "E1R");
    private static final List<Object> BAD_DAY_COUNTS = List.of(-1, 100_000, "x", List.of(), Map.of(), 1e10);
    private static final List<String> MALFORMED = List.of("{", "}", "[]", "null", "\"text\"", "42",
            "{\"a\":}", "{'single':'quotes'}", "{\"reason\":\"x\"} trailing", "{\"reason\":\"x\",}", "\u0000",
            "<xml/>");

    /** What a problem document must not show: Java types, Jackson and its features, the server's internals. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "\\b(?:java|javax|jakarta|com|org)\\.[a-z]|(?i:jackson)|Feature\\b|`|\\[Source:|Exception\\b"
                    + "|ArrayList|HashMap|\\b[A-Z][A-Za-z]+Request\\b|ClockChange|ALLOW_|\\ba [AEIOU]");

    /** A JSON null, as a value distinct from "leave the field out". */
    private enum NullValue { NULL }

    private record Case(String name, String path, String body, String field, String contentType) {
        Case(String name, String path, String body, String field) {
            this(name, path, body, field, "application/json");
        }
    }

    @Test
    void overAThousandMalformedRequestsGetProblemsNamingTheFieldAndStoreNothing() throws Exception {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        List<Case> cases = new ArrayList<>();
        for (String currency : List.of("EUR", "JPY")) {
            Setup setup = setUp(currency, today);
            cases.addAll(proposalCases(today));
            cases.addAll(actionCases(setup, today));
            cases.addAll(malformedBodies(setup));
            cases.addAll(unknownIdsAndTransitions(setup, today));
        }
        cases.addAll(truncatedProposals(today));
        assertThat(cases).hasSizeGreaterThan(1000);

        long events = eventCount();
        Long keys = jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Long.class);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Api.Call call = api.as("manager").header("Content-Type", c.contentType());
            if (i % 3 == 0) {
                call.header("Idempotency-Key", "bad-input-" + i);
            }
            Api.Response response = call.post(c.path(), c.body());
            checkProblem(soft, c, response);
        }
        soft.assertThat(eventCount()).as("events stored by bad requests").isEqualTo(events);
        soft.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Long.class))
                .as("idempotency keys kept for bad requests").isEqualTo(keys);
        soft.assertAll();
    }

    @Test
    void bodiesOverOneMegabyteAreRefusedWith413WithOrWithoutContentLength() throws Exception {
        long events = eventCount();
        String huge = "{\"clientId\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Response sized = api.as("manager").post("/api/engagements", huge);
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.contentType()).startsWith("application/problem+json");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/engagements"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:secret".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void bodiesOfTheWrongShapeAreNamedInJsonTypesNotJavaClasses() {
        SoftAssertions soft = new SoftAssertions();
        Map<String, List<String>> bodies = Map.of(
                "/api/engagements", List.of("[1, 2]", "{\"seats\": {}}", "{\"seats\": [1]}", "{\"terms\": 5}",
                        "{\"terms\": []}", "{/* a comment */}", "// a comment\n{}", "{\"seats\": [[]]}"),
                "/api/admin/clock", List.of("[]", "5", "{\"instant\": []}"));
        bodies.forEach((path, list) -> list.forEach(body -> {
            Api.Response response = api.as(path.contains("admin") ? "admin" : "manager").post(path, body);
            soft.assertThat(response.status()).as(body).isEqualTo(400);
            soft.assertThat(INTERNALS.matcher(response.body()).find()).as(body + " -> " + response.body()).isFalse();
        }));
        Api.Response comment = api.as("manager").post("/api/engagements", "{/* a comment */}");
        soft.assertThat(comment.body()).contains("comments are not allowed in JSON");
        soft.assertAll();
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        Api.Response response = api.as("manager").header("Content-Type", "text/plain")
                .post("/api/engagements", "clientId=acme");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badQueryParametersAndIdsOnReadsAreRefusedWith400Or404() {
        assertThat(api.as("auditor").get("/api/engagements?status=SLEEPING").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/engagements?size=0").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/engagements?size=201").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/engagements?page=-1").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/engagements?page=abc").json().get("errors").get(0).get("field")
                .asText()).isEqualTo("page");
        assertThat(api.as("auditor").get("/api/engagements/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as("auditor").get("/api/engagements/bad%20id").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/nothing-here").status()).isEqualTo(404);
    }

    private void checkProblem(SoftAssertions soft, Case c, Api.Response response) {
        String what = c.name() + " -> " + response.status() + " " + abbreviate(response.body());
        soft.assertThat(response.status()).as(what).isBetween(400, 499).isNotIn(401, 403);
        soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = response.json();
        } catch (RuntimeException notJson) {
            soft.fail("not a problem document: " + what);
            return;
        }
        soft.assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
        soft.assertThat(problem.path("title").asText()).as(what).isNotBlank();
        soft.assertThat(problem.path("detail").asText()).as(what).isNotBlank();
        soft.assertThat(INTERNALS.matcher(response.body()).find()).as(what + " names a Java type or Jackson").isFalse();
        if (response.status() == 400) {
            soft.assertThat(problem.path("errors").size()).as(what).isPositive();
        }
        if (c.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            soft.assertThat(fields).as(what).anyMatch(f -> f.equals(c.field()) || f.startsWith(c.field() + ".")
                    || f.startsWith(c.field() + "[") || c.field().startsWith(f + "."));
        } else {
            soft.assertThat(problem.path("rule").asText()).as(what + " names the rule").isNotBlank();
        }
    }

    private record Setup(String proposed, String trial, String active, String paused, String activeSeat,
                         String pausedSeat, String currency) {
    }

    private Setup setUp(String currency, LocalDate today) {
        Map<String, Object> body = proposal("bad-input-" + currency, today.toString());
        body.put("currency", currency);
        body.put("seats", List.of(
                Map.of("professionalId", "p1", "professionalName", "A", "rate", 1000, "startDate", today.toString()),
                Map.of("professionalId", "p2", "professionalName", "B", "rate", 1000, "startDate", today.toString())));
        Map<String, Object> withoutTrial = new java.util.LinkedHashMap<>(body);
        withoutTrial.put("terms", Map.of("trialDays", 0));
        String proposed = created(body);
        String trial = created(body);
        String active = created(withoutTrial);
        Map<String, Object> oneSeat = new java.util.LinkedHashMap<>(withoutTrial);
        oneSeat.put("seats", List.of(Map.of("professionalId", "p1", "professionalName", "A", "rate", 1000,
                "startDate", today.toString())));
        String paused = created(oneSeat);
        ok(api.as("manager").post("/api/engagements/" + trial + "/trial", (Object) null));
        ok(api.as("manager").post("/api/engagements/" + active + "/activate", (Object) null));
        ok(api.as("manager").post("/api/engagements/" + paused + "/activate", (Object) null));
        ok(api.as("manager").post("/api/engagements/" + paused + "/pause", (Object) null));
        await().until(() -> api.as("auditor").get("/api/engagements/" + paused).json().path("status").asText()
                .equals("PAUSED"));
        return new Setup(proposed, trial, active, paused, seatOf(active), seatOf(paused), currency);
    }

    private String created(Map<String, Object> body) {
        Api.Response response = api.as("manager").post("/api/engagements", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private String seatOf(String id) {
        await().until(() -> api.as("auditor").get("/api/engagements/" + id).status() == 200);
        return api.as("auditor").get("/api/engagements/" + id).json().get("seats").get(0).get("seatId").asText();
    }

    private List<Case> proposalCases(LocalDate today) {
        ObjectNode valid = JSON.valueToTree(proposal("bad-proposal", today.toString()));
        valid.set("terms", JSON.valueToTree(Map.of("trialDays", 14, "timeZone", "UTC")));
        List<Case> cases = new ArrayList<>();
        String path = "/api/engagements";
        for (String field : List.of("clientId", "clientName", "roleTitle")) {
            cases.addAll(mutate(path, valid, field, BAD_STRINGS));
        }
        cases.addAll(mutate(path, valid, "currency", BAD_CURRENCIES));
        cases.addAll(mutate(path, valid, "billingModel", BAD_ENUMS));
        cases.addAll(mutate(path, valid, "seats", List.of(List.of(), NullValue.NULL, "x", Map.of(), 5)));
        cases.addAll(mutate(path, valid, "seats[0].professionalId", BAD_STRINGS));
        cases.addAll(mutate(path, valid, "seats[0].professionalName", BAD_STRINGS));
        cases.addAll(mutate(path, valid, "seats[0].rate", BAD_AMOUNTS));
        cases.addAll(mutate(path, valid, "seats[0].startDate", BAD_DATES));
        cases.addAll(mutate(path, valid, "terms", List.of("x", List.of(), 5)));
        for (String days : List.of("paymentTermsDays", "noticePeriodDays", "trialDays", "guaranteeWindowDays",
                "freeReplacementsPerSeat", "replacementSlaBusinessDays", "overlapBusinessDays",
                "rateChangeNoticeDays")) {
            cases.addAll(mutate(path, valid, "terms." + days, BAD_DAY_COUNTS));
        }
        cases.addAll(mutate(path, valid, "terms.timeZone", List.of("Mars/Olympus", "", List.of(), "UTC+99")));
        cases.addAll(mutate(path, valid, "terms.billingCycle", BAD_ENUMS.subList(0, 6)));
        cases.addAll(mutate(path, valid, "terms.ipTrigger", BAD_ENUMS.subList(0, 6)));
        for (String field : List.of("clientId", "clientName", "roleTitle", "currency", "billingModel", "seats",
                "seats[0].professionalId", "seats[0].professionalName", "seats[0].rate", "seats[0].startDate")) {
            cases.add(new Case("missing " + field, path, without(valid, field).toString(), field));
        }
        for (String field : List.of("surprise", "seats[0].surprise", "terms.surprise")) {
            cases.add(new Case("unknown " + field, path, with(valid, field, "x").toString(), field));
        }
        ObjectNode twice = valid.deepCopy();
        ((ArrayNode) twice.get("seats")).add(valid.get("seats").get(0).deepCopy());
        cases.add(new Case("one professional in two seats", path, twice.toString(), "seats[1].professionalId"));
        ObjectNode yen = valid.deepCopy();
        yen.put("currency", "JPY");
        ((ObjectNode) yen.get("seats").get(0)).put("rate", new java.math.BigDecimal("100.5"));
        cases.add(new Case("yen have no minor unit", path, yen.toString(), "seats[0].rate"));
        return cases;
    }

    private List<Case> actionCases(Setup s, LocalDate today) {
        List<Case> cases = new ArrayList<>();
        String proposed = "/api/engagements/" + s.proposed();
        String active = "/api/engagements/" + s.active();
        String paused = "/api/engagements/" + s.paused();
        String trial = "/api/engagements/" + s.trial();
        cases.addAll(mutate(proposed + "/trial", object("startDate", today.toString()), "startDate", BAD_DATES));
        cases.addAll(mutate(proposed + "/activate", object("activationDate", today.toString()), "activationDate",
                BAD_DATES));
        List<Object> badReasons = List.of(List.of(), Map.of(), "r".repeat(2001));
        cases.addAll(mutate(trial + "/trial/reject", object("reason", "no fit"), "reason", badReasons));
        cases.addAll(mutate(proposed + "/cancel", object("reason", "no budget"), "reason", badReasons));
        cases.addAll(mutate(active + "/pause", object("pauseDate", today.toString()), "pauseDate", BAD_DATES));
        cases.add(new Case("pause in the past", active + "/pause",
                object("pauseDate", today.minusDays(1).toString()).toString(), "pauseDate"));
        cases.addAll(mutate(paused + "/resume", object("resumeDate", today.plusDays(2).toString()), "resumeDate",
                BAD_DATES));
        cases.add(new Case("resume before the pause", paused + "/resume",
                object("resumeDate", today.toString()).toString(), "resumeDate"));

        ObjectNode notice = object("lastDay", today.plusDays(40).toString());
        notice.put("forCause", false);
        notice.put("reason", "ends");
        cases.addAll(mutate(active + "/notice", notice, "lastDay", BAD_DATES));
        cases.addAll(mutate(active + "/notice", notice, "forCause", List.of("yes", List.of(), Map.of())));
        cases.addAll(mutate(active + "/notice", notice, "reason", badReasons));
        cases.add(new Case("notice shorter than the notice period", active + "/notice",
                with(notice, "lastDay", today.plusDays(29).toString()).toString(), "lastDay"));
        cases.add(new Case("last day before the notice", active + "/notice",
                with(with(notice, "forCause", true), "lastDay", today.minusDays(1).toString()).toString(),
                "lastDay"));
        cases.add(new Case("for cause without a reason", active + "/notice",
                without(with(notice, "forCause", true), "reason").toString(), "reason"));
        cases.add(new Case("missing lastDay", active + "/notice", without(notice, "lastDay").toString(), "lastDay"));

        ObjectNode seat = JSON.valueToTree(Map.of("professionalId", "p9", "professionalName", "N", "rate", 50,
                "startDate", today.plusDays(1).toString()));
        cases.addAll(mutate(active + "/seats", seat, "professionalId", BAD_STRINGS));
        cases.addAll(mutate(active + "/seats", seat, "professionalName", BAD_STRINGS));
        cases.addAll(mutate(active + "/seats", seat, "rate", BAD_AMOUNTS));
        cases.addAll(mutate(active + "/seats", seat, "startDate", BAD_DATES));
        cases.add(new Case("a professional already seated", active + "/seats",
                with(seat, "professionalId", "p1").toString(), "professionalId"));
        cases.add(new Case("unknown field on a seat", active + "/seats", with(seat, "bonus", 1).toString(), "bonus"));

        String release = active + "/seats/" + s.activeSeat() + "/release";
        cases.addAll(mutate(release, object("releaseDate", today.plusDays(3).toString()), "releaseDate", BAD_DATES));
        // released on or before its start, a seat is withdrawn (EngagementDomainHolesHttpTest); before the
        // engagement's first billed day, the date is refused
        cases.add(new Case("release before the first billed day", release,
                object("releaseDate", today.minusDays(5).toString()).toString(), "releaseDate"));
        cases.add(new Case("release an unknown seat", active + "/seats/" + UUID.randomUUID() + "/release",
                object("releaseDate", today.plusDays(3).toString()).toString(), "seatId"));
        cases.add(new Case("missing releaseDate", release, "{}", "releaseDate"));

        ObjectNode rate = JSON.valueToTree(Map.of("seatId", s.activeSeat(), "newRate", 1100,
                "effectiveDate", today.plusDays(31).toString(), "reason", "review"));
        String rates = active + "/rate-changes";
        cases.addAll(mutate(rates, rate, "newRate", BAD_AMOUNTS));
        cases.addAll(mutate(rates, rate, "effectiveDate", BAD_DATES));
        cases.addAll(mutate(rates, rate, "reason", List.of(NullValue.NULL, "", "   ", List.of(), Map.of(),
                "r".repeat(2001))));
        cases.addAll(mutate(rates, rate, "seatId", List.of(List.of(), Map.of(), "s".repeat(201))));
        cases.add(new Case("rate change inside the notice", rates,
                with(rate, "effectiveDate", today.plusDays(29).toString()).toString(), "effectiveDate"));
        cases.add(new Case("rate change for an unknown seat", rates,
                with(rate, "seatId", UUID.randomUUID().toString()).toString(), "seatId"));
        cases.add(new Case("rate with more decimals than the currency", rates,
                with(rate, "newRate", new java.math.BigDecimal("1100.123")).toString(), "newRate"));
        cases.add(new Case("missing reason", rates, without(rate, "reason").toString(), "reason"));
        return cases;
    }

    private List<Case> malformedBodies(Setup s) {
        List<Case> cases = new ArrayList<>();
        String active = "/api/engagements/" + s.active();
        List<String> paths = List.of("/api/engagements", "/api/engagements/" + s.proposed() + "/trial",
                "/api/engagements/" + s.proposed() + "/activate", "/api/engagements/" + s.trial() + "/trial/reject",
                "/api/engagements/" + s.proposed() + "/cancel", active + "/pause",
                "/api/engagements/" + s.paused() + "/resume", active + "/notice", active + "/seats",
                active + "/seats/" + s.activeSeat() + "/release", active + "/rate-changes");
        Set<String> optionalBodies = Set.of("/trial", "/activate", "/trial/reject", "/cancel", "/pause", "/resume");
        for (String path : paths) {
            for (String body : MALFORMED) {
                // a JSON null is no body at all, which the endpoints with an optional body accept
                if (!(body.equals("null") && optionalBodies.stream().anyMatch(path::endsWith))) {
                    cases.add(new Case("malformed " + body + " to " + path, path, body, null));
                }
            }
        }
        for (String path : List.of("/api/engagements", active + "/notice", active + "/seats",
                active + "/rate-changes")) {
            cases.add(new Case("empty body to " + path, path, null, "body"));
        }
        return cases;
    }

    private List<Case> unknownIdsAndTransitions(Setup s, LocalDate today) {
        List<Case> cases = new ArrayList<>();
        String notice = "{\"lastDay\":\"" + today.plusDays(60) + "\",\"forCause\":false}";
        String seat = "{\"professionalId\":\"p7\",\"professionalName\":\"N\",\"rate\":5,\"startDate\":\""
                + today.plusDays(1) + "\"}";
        String rate = "{\"newRate\":5,\"effectiveDate\":\"" + today.plusDays(40) + "\",\"reason\":\"r\"}";
        for (String id : List.of(UUID.randomUUID().toString(), "nope", "0")) {
            String base = "/api/engagements/" + id;
            for (String action : List.of("/trial", "/trial/accept", "/trial/reject", "/activate", "/pause",
                    "/resume", "/end", "/cancel")) {
                cases.add(new Case("unknown id " + base + action, base + action, null, "id"));
            }
            cases.add(new Case("unknown id notice", base + "/notice", notice, "id"));
            cases.add(new Case("unknown id seats", base + "/seats", seat, "id"));
            cases.add(new Case("unknown id rate", base + "/rate-changes", rate, "id"));
            cases.add(new Case("unknown id release", base + "/seats/s1/release",
                    "{\"releaseDate\":\"" + today.plusDays(3) + "\"}", "id"));
        }
        cases.add(new Case("id with a space", "/api/engagements/bad%20id/activate", null, "id"));
        String proposed = "/api/engagements/" + s.proposed();
        String active = "/api/engagements/" + s.active();
        String paused = "/api/engagements/" + s.paused();
        String trial = "/api/engagements/" + s.trial();
        cases.add(new Case("accept a trial never started", proposed + "/trial/accept", null, null));
        cases.add(new Case("reject a trial never started", proposed + "/trial/reject", null, null));
        cases.add(new Case("pause a proposal", proposed + "/pause", null, null));
        cases.add(new Case("notice on a proposal", proposed + "/notice", notice, null));
        cases.add(new Case("end a proposal", proposed + "/end", null, null));
        cases.add(new Case("start a trial twice", trial + "/trial", null, null));
        cases.add(new Case("activate during the trial", trial + "/activate", null, null));
        cases.add(new Case("cancel a trial", trial + "/cancel", null, null));
        cases.add(new Case("trial on an active engagement", active + "/trial", null, null));
        cases.add(new Case("accept on an active engagement", active + "/trial/accept", null, null));
        cases.add(new Case("activate twice", active + "/activate", null, null));
        cases.add(new Case("resume an active engagement", active + "/resume", null, null));
        cases.add(new Case("end without notice", active + "/end", null, null));
        cases.add(new Case("cancel an active engagement", active + "/cancel", null, null));
        cases.add(new Case("pause twice", paused + "/pause", null, null));
        cases.add(new Case("release the last seat", paused + "/seats/" + s.pausedSeat() + "/release",
                "{\"releaseDate\":\"" + today.plusDays(3) + "\"}", null));
        return cases;
    }

    private List<Case> truncatedProposals(LocalDate today) {
        String valid = Api.json(proposal("truncated", today.toString()));
        List<Case> cases = new ArrayList<>();
        for (int length = 1; length < valid.length(); length++) {
            String prefix = valid.substring(0, length);
            cases.add(new Case("truncated proposal of " + length + " chars", "/api/engagements", prefix, null));
        }
        return cases;
    }

    private static List<Case> mutate(String path, ObjectNode valid, String field, List<Object> values) {
        List<Case> cases = new ArrayList<>();
        for (Object value : values) {
            cases.add(new Case(field + "=" + abbreviate(String.valueOf(value)) + " to " + path, path,
                    with(valid, field, value).toString(), field));
        }
        return cases;
    }

    private static ObjectNode object(String field, Object value) {
        return with(NODES.objectNode(), field, value);
    }

    /** A copy of {@code node} with a field (a dotted path, with [i] for list items) set to {@code value}. */
    private static ObjectNode with(ObjectNode node, String path, Object value) {
        ObjectNode copy = node.deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = step(parent, parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode json = value == NullValue.NULL ? NODES.nullNode() : JSON.valueToTree(value);
        if (last.endsWith("]")) {
            ((ArrayNode) step(parent, last.substring(0, last.indexOf('[')))).set(index(last), json);
        } else {
            ((ObjectNode) parent).set(last, json);
        }
        return copy;
    }

    private static ObjectNode without(ObjectNode node, String path) {
        ObjectNode copy = node.deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = step(parent, parts[i]);
        }
        ((ObjectNode) parent).remove(parts[parts.length - 1]);
        return copy;
    }

    private static JsonNode step(JsonNode node, String part) {
        if (part.endsWith("]")) {
            return node.get(part.substring(0, part.indexOf('['))).get(index(part));
        }
        return node.get(part);
    }

    private static int index(String part) {
        return Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
