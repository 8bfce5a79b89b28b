package com.engagementledger.replacement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests to the replacement and guarantee endpoints, refused before any command is sent: a reason not
 * in the list, missing, blank, overlong or unknown fields, malformed ids and dates, unknown and repeated query
 * parameters. Each gets a 400 problem naming the field; unknown resources a 404; nothing is stored. Refusals that
 * the engagement or the replacement decide (an unknown or released seat, a second open replacement, ...) are in
 * {@link ReplacementFlowHttpTest}.
 */
class ReplacementBadInputHttpTest extends HttpTestSupport {

    private static final String ENGAGEMENT = "/api/engagements/no-such-engagement/replacements";
    private static final String REPLACEMENT = "/api/replacements/no-such-replacement";

    private record Case(String name, String method, String path, String body, String field) {
    }

    @Test
    void malformedRequestsGetProblemsNamingTheFieldAndStoreNothing() {
        List<Case> cases = new ArrayList<>();
        String valid = "{\"seatId\": \"seat-1\", \"reason\": \"NON_PERFORMANCE\"}";
        cases.add(new Case("reason not in the list", "POST", ENGAGEMENT,
                "{\"seatId\": \"seat-1\", \"reason\": \"LAZINESS\"}", "reason"));
        cases.add(new Case("reason in lower case", "POST", ENGAGEMENT,
                "{\"seatId\": \"seat-1\", \"reason\": \"attrition\"}", "reason"));
        cases.add(new Case("reason as a number", "POST", ENGAGEMENT, "{\"seatId\": \"seat-1\", \"reason\": 1}",
                "reason"));
        cases.add(new Case("no reason", "POST", ENGAGEMENT, "{\"seatId\": \"seat-1\"}", "reason"));
        cases.add(new Case("no seat", "POST", ENGAGEMENT, "{\"reason\": \"ATTRITION\"}", "seatId"));
        cases.add(new Case("malformed seat id", "POST", ENGAGEMENT,
                "{\"seatId\": \"seat 1\", \"reason\": \"ATTRITION\"}", "seatId"));
        cases.add(new Case("overlong seat id", "POST", ENGAGEMENT,
                "{\"seatId\": \"" + "s".repeat(201) + "\", \"reason\": \"ATTRITION\"}", "seatId"));
        cases.add(new Case("overlong note", "POST", ENGAGEMENT,
                "{\"seatId\": \"seat-1\", \"reason\": \"ATTRITION\", \"note\": \"" + "n".repeat(2001) + "\"}",
                "note"));
        cases.add(new Case("unknown field", "POST", ENGAGEMENT, valid.replace("}", ", \"urgent\": true}"),
                "urgent"));
        cases.add(new Case("malformed engagement id", "POST", "/api/engagements/no!such/replacements", valid,
                "id"));
        cases.add(new Case("not JSON", "POST", ENGAGEMENT, "{\"seatId\": ", null));
        cases.add(new Case("no body", "POST", ENGAGEMENT, null, null));

        cases.add(new Case("blank candidate", "POST", REPLACEMENT + "/candidates",
                "{\"professionalId\": \" \", \"professionalName\": \"Carla\"}", "professionalId"));
        cases.add(new Case("candidate without a name", "POST", REPLACEMENT + "/candidates",
                "{\"professionalId\": \"pro-carla\"}", "professionalName"));
        cases.add(new Case("candidate with an unknown field", "POST", REPLACEMENT + "/candidates",
                "{\"professionalId\": \"pro-carla\", \"professionalName\": \"Carla\", \"rate\": 1}", "rate"));
        cases.add(new Case("impossible start date", "POST", REPLACEMENT + "/candidates/c1/accept",
                "{\"startDate\": \"2026-02-30\"}", "startDate"));
        cases.add(new Case("start date as a number", "POST", REPLACEMENT + "/candidates/c1/accept",
                "{\"startDate\": 20260301}", "startDate"));
        cases.add(new Case("no start date", "POST", REPLACEMENT + "/candidates/c1/accept", "{}", "startDate"));
        cases.add(new Case("malformed candidate id", "POST", REPLACEMENT + "/candidates/c!1/accept",
                "{\"startDate\": \"2026-03-02\"}", "candidateId"));
        cases.add(new Case("rejection without a reason", "POST", REPLACEMENT + "/candidates/c1/reject", "{}",
                "reason"));
        cases.add(new Case("blank rejection reason", "POST", REPLACEMENT + "/candidates/c1/reject",
                "{\"reason\": \"  \"}", "reason"));
        cases.add(new Case("withdrawal with an unknown field", "POST", REPLACEMENT + "/withdraw",
                "{\"why\": \"x\"}", "why"));
        cases.add(new Case("malformed replacement id", "POST", "/api/replacements/r!1/complete", null, "id"));

        cases.add(new Case("status not in the list", "GET", "/api/replacements?status=LATE", null, "status"));
        cases.add(new Case("negative page", "GET", "/api/replacements?page=-1", null, "page"));
        cases.add(new Case("page too large", "GET", "/api/replacements?size=201", null, "size"));
        cases.add(new Case("unknown parameter", "GET", "/api/replacements?engagement=x", null, "engagement"));
        cases.add(new Case("repeated parameter", "GET", "/api/replacements?status=REQUESTED&status=OVERLAP", null,
                "status"));
        cases.add(new Case("malformed replacement id read", "GET", "/api/replacements/r!1", null, "id"));
        cases.add(new Case("guarantees without an engagement", "GET", "/api/guarantees", null, "engagementId"));
        cases.add(new Case("guarantees of a malformed id", "GET", "/api/guarantees?engagementId=a!b", null,
                "engagementId"));
        cases.add(new Case("guarantees with an unknown parameter", "GET",
                "/api/guarantees?engagementId=e1&seatId=s1", null, "seatId"));

        long events = eventCount();
        SoftAssertions soft = new SoftAssertions();
        for (Case c : cases) {
            Api.Call manager = api.as("manager");
            Api.Response response = c.method().equals("GET") ? manager.get(c.path())
                    : manager.post(c.path(), c.body());
            String what = c.name() + " -> " + response;
            soft.assertThat(response.status()).as(what).isEqualTo(400);
            soft.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            JsonNode problem = response.json();
            if (c.field() != null) {
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
                soft.assertThat(fields).as(what).contains(c.field());
            } else {
                soft.assertThat(problem.path("rule").asText()).as(what).isNotBlank();
            }
        }
        soft.assertThat(eventCount()).as("events stored").isEqualTo(events);
        soft.assertAll();
    }

    @Test
    void unknownReplacementsAndEngagementsAreNotFound() {
        Api.Response replacement = api.as("auditor").get(REPLACEMENT);
        assertThat(replacement.status()).isEqualTo(404);
        assertThat(replacement.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        Api.Response request = api.as("manager").post(ENGAGEMENT,
                "{\"seatId\": \"seat-1\", \"reason\": \"NON_PERFORMANCE\"}");
        assertThat(request.status()).as(request.toString()).isEqualTo(404);
        assertThat(request.json().path("detail").asText()).isEqualTo("No engagement with id no-such-engagement");
        assertThat(request.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        Api.Response guarantees = api.as("finance").get("/api/guarantees?engagementId=no-such-engagement");
        assertThat(guarantees.status()).isEqualTo(404);
        assertThat(guarantees.json().path("errors").get(0).path("field").asText()).isEqualTo("engagementId");
        Api.Response list = api.as("auditor").get("/api/replacements?engagementId=no-such-engagement");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("totalItems").asInt()).isZero();
    }
}
