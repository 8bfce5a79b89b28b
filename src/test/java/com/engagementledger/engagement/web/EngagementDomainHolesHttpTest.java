package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The engagement domain holes of issue 5, as an account manager meets them over HTTP: each refusal is a problem
 * naming the field and the rule and stores nothing; each correction (withdrawing a seat or a rate change, resuming
 * under notice) is possible.
 */
class EngagementDomainHolesHttpTest extends HttpTestSupport {

    /** Generous: these tests are about rules; EngagementLifecycleHttpTest holds the read model to its one second. */
    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(5);

    @Test
    void noticeWithALastDayBeforeTheFirstBilledDayIsRefused() {
        LocalDate today = today();
        String id = proposeWithoutTrial("holes-early-notice-" + UUID.randomUUID(), today.toString());
        ok(manager().post(path(id, "activate"), Map.of("activationDate", today.plusDays(90).toString())));
        long events = eventCount();

        Api.Response refused = manager().post(path(id, "notice"), Map.of("lastDay", today.plusDays(40).toString(),
                "forCause", false));

        assertProblem(refused, 422, "before-first-billed-day", "lastDay");
        assertThat(eventCount()).isEqualTo(events);
        ok(manager().post(path(id, "notice"), Map.of("lastDay", today.plusDays(90).toString(), "forCause", false)));
    }

    @Test
    void noticeIsRefusedWhileALaterSeatOrRateChangeIsScheduledUntilTheyAreWithdrawn() {
        LocalDate today = today();
        LocalDate lastDay = today.plusDays(30);
        String id = activeEngagement("holes-scheduled");
        Api.Response added = manager().post(path(id, "seats"), Map.of("professionalId", "pro-later-" + id,
                "professionalName", "Lee Later", "rate", 8000, "startDate", today.plusDays(60).toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String laterSeat = awaitEngagement(id, e -> e.get("seats").size() == 2).get("seats").get(1).get("seatId")
                .asText();

        Api.Response seatInTheWay = manager().post(path(id, "notice"), notice(lastDay));
        assertProblem(seatInTheWay, 409, "scheduled-after-last-day", null);
        assertThat(seatInTheWay.json().get("detail").asText()).contains(laterSeat);

        // releasing the seat on its start date withdraws it: it leaves the engagement, no day of it billed
        ok(manager().post(path(id, "seats/" + laterSeat + "/release"),
                Map.of("releaseDate", today.plusDays(60).toString())));
        awaitEngagement(id, e -> e.get("seats").size() == 1);

        Api.Response scheduled = manager().post(path(id, "rate-changes"), Map.of("newRate", new BigDecimal("9900.00"),
                "effectiveDate", today.plusDays(45).toString(), "reason", "Annual review"));
        ok(scheduled);
        String rateChangeId = scheduled.json().get("rateChangeId").asText();
        assertThat(rateChangeId).isNotBlank();
        JsonNode withRateChange = awaitEngagement(id,
                e -> e.get("seats").get(0).get("scheduledRates").size() == 1);
        assertThat(withRateChange.get("seats").get(0).get("scheduledRates").get(0).get("rateChangeId").asText())
                .isEqualTo(rateChangeId);

        Api.Response rateChangeInTheWay = manager().post(path(id, "notice"), notice(lastDay));
        assertProblem(rateChangeInTheWay, 409, "scheduled-after-last-day", null);
        assertThat(rateChangeInTheWay.json().get("detail").asText()).contains(rateChangeId);

        ok(manager().post(path(id, "rate-changes/" + rateChangeId + "/withdraw"),
                Map.of("reason", "Client declined the review")));
        awaitEngagement(id, e -> e.get("seats").get(0).get("scheduledRates").isEmpty());
        Api.Response again = manager().post(path(id, "rate-changes/" + rateChangeId + "/withdraw"), (Object) null);
        assertProblem(again, 409, "already-withdrawn", null);
        assertProblem(manager().post(path(id, "rate-changes/never-issued/withdraw"), (Object) null), 404,
                "not-found", "rateChangeId");

        ok(manager().post(path(id, "notice"), notice(lastDay)));
        assertThat(awaitEngagement(id, e -> e.get("status").asText().equals("NOTICE_GIVEN"))
                .get("dates").get("lastDay").asText()).isEqualTo(lastDay.toString());
    }

    @Test
    void onlyAccountManagersWithdrawARateChange() {
        String id = activeEngagement("holes-withdraw-roles");
        Api.Response scheduled = manager().post(path(id, "rate-changes"), Map.of("newRate", new BigDecimal("9900.00"),
                "effectiveDate", today().plusDays(45).toString(), "reason", "Annual review"));
        ok(scheduled);
        String withdraw = path(id, "rate-changes/" + scheduled.json().get("rateChangeId").asText() + "/withdraw");
        long events = eventCount();

        assertThat(api.anonymous().post(withdraw, "{}").status()).isEqualTo(401);
        for (String user : List.of("auditor", "finance", "admin")) {
            Api.Response refused = api.as(user).post(withdraw, "{}");
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.anonymous().get("/v3/api-docs").body())
                .contains("/api/engagements/{id}/rate-changes/{rateChangeId}/withdraw");
    }

    @Test
    void aPausedEngagementUnderNoticeResumesSoThatItsLastDaysAreBilled() {
        LocalDate today = today();
        String id = activeEngagement("holes-resume-notice");
        ok(manager().post(path(id, "pause"), (Object) null));
        ok(manager().post(path(id, "notice"), notice(today.plusDays(30))));

        ok(manager().post(path(id, "resume"), Map.of("resumeDate", today.plusDays(10).toString())));

        JsonNode engagement = awaitEngagement(id, e -> e.get("dates").hasNonNull("scheduledResumeOn"));
        assertThat(engagement.get("status").asText()).isEqualTo("NOTICE_GIVEN");
        assertThat(engagement.get("dates").get("pausedFrom").asText()).isEqualTo(today.toString());
        assertThat(engagement.get("dates").get("scheduledResumeOn").asText())
                .isEqualTo(today.plusDays(10).toString());
        assertProblem(manager().post(path(id, "pause"), Map.of("pauseDate", today.plusDays(31).toString())), 422,
                "after-last-day", "pauseDate");
    }

    @Test
    void effectiveDatesCannotRewriteThePast() {
        LocalDate today = today();
        String id = proposeWithoutTrial("holes-back-dating-" + UUID.randomUUID(), today.toString());
        long events = eventCount();

        assertProblem(manager().post(path(id, "activate"), Map.of("activationDate", "1975-01-01")), 422,
                "before-proposal", "activationDate");
        Map<String, Object> earlySeat = proposal("holes-back-dating-seat", today.minusDays(1).toString());
        assertProblem(manager().post("/api/engagements", earlySeat), 422, "before-proposal", "seats[0].startDate");
        String trial = propose("holes-back-dating-trial-" + UUID.randomUUID(), today.toString());
        events = eventCount();
        assertProblem(manager().post(path(trial, "trial"), Map.of("startDate", today.minusDays(1).toString())),
                422, "before-proposal", "startDate");
        assertThat(eventCount()).isEqualTo(events);

        ok(manager().post(path(id, "activate"), (Object) null));
        assertProblem(manager().post(path(id, "seats"), Map.of("professionalId", "pro-early-" + id,
                "professionalName", "Early Bird", "rate", 100, "startDate", today.minusDays(40).toString())),
                422, "before-first-billed-day", "startDate");
    }

    @Test
    void effectiveDatesCannotLieBeyondTheForwardDatingWindow() {
        LocalDate today = today();
        String id = proposeWithoutTrial("holes-forward-dating-" + UUID.randomUUID(), today.toString());
        long events = eventCount();

        Api.Response refused = manager().post(path(id, "activate"), Map.of("activationDate", "2999-12-31"));

        assertProblem(refused, 422, "forward-dating-window", "activationDate");
        assertThat(refused.json().get("detail").asText()).contains(today.plusDays(365).toString());
        assertThat(eventCount()).isEqualTo(events);
        ok(manager().post(path(id, "activate"), Map.of("activationDate", today.plusDays(365).toString())));
        assertProblem(manager().post(path(id, "pause"), Map.of("pauseDate", today.plusDays(366).toString())), 422,
                "forward-dating-window", "pauseDate");
    }

    @Test
    void aNoticesLastDayCannotLieBeyondTheForwardDatingWindowSoItCannotTrapTheEngagement() {
        LocalDate today = today();
        String id = activeEngagement("holes-notice-horizon");
        long events = eventCount();

        Api.Response refused = manager().post(path(id, "notice"), Map.of("lastDay", "2305-06-30", "forCause", false));

        assertProblem(refused, 422, "forward-dating-window", "lastDay");
        assertThat(refused.json().get("detail").asText()).contains(today.plusDays(365).toString());
        assertThat(eventCount()).isEqualTo(events);
        ok(manager().post(path(id, "notice"), notice(today.plusDays(365))));
    }

    @Test
    void aPauseDatedTodayByDefaultCanBeWithdrawnAsACorrection() {
        String id = activeEngagement("holes-undo-today");
        ok(manager().post(path(id, "pause"), (Object) null));
        assertThat(awaitEngagement(id, e -> e.get("version").asLong() == 2).get("status").asText())
                .isEqualTo("PAUSED");

        ok(manager().post(path(id, "pause/withdraw"), Map.of("reason", "Paused the wrong engagement")));
        JsonNode withdrawn = awaitEngagement(id, e -> e.get("version").asLong() == 3);
        assertThat(withdrawn.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(withdrawn.get("dates").hasNonNull("pausedFrom")).isFalse();

        // paused again today with a resume tomorrow: the resume is withdrawn first, then the pause
        ok(manager().post(path(id, "pause"), (Object) null));
        ok(manager().post(path(id, "resume"), Map.of("resumeDate", today().plusDays(1).toString())));
        assertProblem(manager().post(path(id, "pause/withdraw"), (Object) null), 409, "not-scheduled", null);
        ok(manager().post(path(id, "resume/withdraw"), Map.of("reason", "Resume date not agreed yet")));
        ok(manager().post(path(id, "pause/withdraw"), (Object) null));
        assertThat(awaitEngagement(id, e -> e.get("version").asLong() == 7).get("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aScheduledPauseBlocksNoticeAndIsWithdrawnWhereUpTheSecondPauseIsRefusedInWordsGetAgreesWith() {
        LocalDate today = today();
        String id = activeEngagement("holes-withdraw-pause");
        ok(manager().post(path(id, "pause"), Map.of("pauseDate", today.plusDays(40).toString())));
        ok(manager().post(path(id, "resume"), Map.of("resumeDate", today.plusDays(50).toString())));
        ok(manager().post(path(id, "resume/withdraw"), (Object) null));
        awaitEngagement(id, e -> e.get("dates").hasNonNull("scheduledPauseFrom")
                && !e.get("dates").hasNonNull("scheduledResumeOn"));

        Api.Response second = manager().post(path(id, "pause"), Map.of("pauseDate", today.plusDays(45).toString()));
        assertProblem(second, 409, "pause-scheduled", null);
        assertThat(second.json().get("detail").asText())
                .contains("a pause from " + today.plusDays(40) + " is already scheduled; withdraw it first")
                .doesNotContain("PAUSED");
        Api.Response notice = manager().post(path(id, "notice"), notice(today.plusDays(30)));
        assertProblem(notice, 409, "scheduled-after-last-day", null);
        assertThat(notice.json().get("detail").asText()).contains("a pause from " + today.plusDays(40));

        ok(manager().post(path(id, "pause/withdraw"), Map.of("reason", "Holiday cancelled")));
        assertThat(awaitEngagement(id, e -> !e.get("dates").hasNonNull("scheduledPauseFrom"))
                .get("status").asText()).isEqualTo("ACTIVE");
        assertProblem(manager().post(path(id, "pause/withdraw"), (Object) null), 409, "not-scheduled", null);
        ok(manager().post(path(id, "notice"), notice(today.plusDays(30))));
    }

    @Test
    void aSecondRateChangeForTheSameDayOrOneToTheSameRateIsRefused() {
        LocalDate effective = today().plusDays(45);
        String id = activeEngagement("holes-rate-twice");
        Api.Response first = manager().post(path(id, "rate-changes"), Map.of("newRate", 9900,
                "effectiveDate", effective.toString(), "reason", "Annual review"));
        ok(first);
        long events = eventCount();

        Api.Response second = manager().post(path(id, "rate-changes"), Map.of("newRate", 9950,
                "effectiveDate", effective.toString(), "reason", "Correction"));
        assertProblem(second, 409, "rate-change-exists", null);
        assertThat(second.json().get("detail").asText()).contains(first.json().get("rateChangeId").asText());
        assertProblem(manager().post(path(id, "rate-changes"), Map.of("newRate", 9000,
                "effectiveDate", today().plusDays(40).toString(), "reason", "Same again")), 422, "no-change",
                "newRate");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aReleaseThatLeavesDaysWithoutAnySeatIsRefused() {
        LocalDate today = today();
        String id = activeEngagement("holes-seat-gap");
        ok201(manager().post(path(id, "seats"), Map.of("professionalId", "pro-gap-" + id,
                "professionalName", "Gus Gap", "rate", 8000, "startDate", today.plusDays(60).toString())));
        String first = awaitEngagement(id, e -> e.get("seats").size() == 2).get("seats").get(0).get("seatId")
                .asText();
        long events = eventCount();

        Api.Response refused = manager().post(path(id, "seats/" + first + "/release"),
                Map.of("releaseDate", today.plusDays(30).toString()));

        assertProblem(refused, 409, "seat-gap", null);
        assertThat(refused.json().get("detail").asText())
                .contains("from " + today.plusDays(30) + " to " + today.plusDays(59));
        assertThat(eventCount()).isEqualTo(events);
        ok(manager().post(path(id, "seats/" + first + "/release"), Map.of("releaseDate",
                today.plusDays(60).toString())));
    }

    @Test
    void aFixedOffsetTimeZoneIsRefusedWithExamples() {
        long events = eventCount();
        Map<String, Object> offset = proposal("holes-offset-" + UUID.randomUUID(), today().toString());
        offset.put("terms", Map.of("timeZone", "+18:00"));

        Api.Response refused = manager().post("/api/engagements", offset);

        assertProblem(refused, 422, "time-zone", "terms.timeZone");
        assertThat(refused.json().get("detail").asText()).contains("Europe/Berlin");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aPauseFromALaterDayShowsAsScheduledWhileTheEngagementIsActiveToday() {
        LocalDate today = today();
        String client = "holes-future-pause-" + UUID.randomUUID();
        String id = proposeWithoutTrial(client, today.toString());
        ok(manager().post(path(id, "activate"), (Object) null));
        ok(manager().post(path(id, "pause"), Map.of("pauseDate", today.plusDays(5).toString())));

        JsonNode engagement = awaitEngagement(id, e -> e.get("dates").hasNonNull("scheduledPauseFrom"));
        assertThat(engagement.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(engagement.get("dates").get("pausedFrom")).isNull();
        assertThat(engagement.get("dates").get("scheduledPauseFrom").asText()).isEqualTo(today.plusDays(5).toString());
        assertThat(engagement.get("seats").get(0).get("heldToday").asBoolean()).isTrue();
        assertThat(api.as("auditor").get("/api/engagements?clientId=" + client + "&status=PAUSED").json()
                .get("totalItems").asInt()).isZero();
        assertThat(api.as("auditor").get("/api/engagements?clientId=" + client + "&status=ACTIVE").json()
                .get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void newestFirstIsTheOrderOfProposal() {
        String client = "holes-newest-" + UUID.randomUUID();
        List<String> proposed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            proposed.add(0, propose(client, today().toString()));
        }
        await().atMost(READ_MODEL_LAG).untilAsserted(() -> {
            JsonNode page = api.as("auditor").get("/api/engagements?clientId=" + client).json();
            List<String> listed = new ArrayList<>();
            page.get("items").forEach(item -> listed.add(item.get("engagementId").asText()));
            assertThat(listed).isEqualTo(proposed);
        });
    }

    @Test
    void namesWithControlSurrogateOrBidiCharactersAreRefused() {
        LocalDate today = today();
        long events = eventCount();
        String nul = "{\"clientId\":\"holes-text\",\"clientName\":\"Acme\\u0000GmbH\",\"roleTitle\":\"Engineer\","
                + "\"currency\":\"EUR\",\"billingModel\":\"MONTHLY\",\"seats\":[{\"professionalId\":\"p\","
                + "\"professionalName\":\"Pat\",\"rate\":100,\"startDate\":\"" + today + "\"}]}";
        assertProblem(manager().post("/api/engagements", nul), 400, "plain-text", "clientName");
        String surrogate = nul.replace("Acme\\u0000GmbH", "Acme\\ud800GmbH");
        assertProblem(manager().post("/api/engagements", surrogate), 400, "plain-text", "clientName");
        String bidi = nul.replace("Acme\\u0000GmbH", "Acme").replace("\"Pat\"", "\"Pat\\u202eeoD\"");
        assertProblem(manager().post("/api/engagements", bidi), 400, "plain-text", "seats[0].professionalName");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void invisibleCharactersAreRefusedAndANameOfOnlySpacesIsMissing() {
        LocalDate today = today();
        long events = eventCount();
        String rlm = "{\"clientId\":\"holes-invisible\",\"clientName\":\"Acme\\u200fGmbH\","
                + "\"roleTitle\":\"Engineer\","
                + "\"currency\":\"EUR\",\"billingModel\":\"MONTHLY\",\"seats\":[{\"professionalId\":\"p\","
                + "\"professionalName\":\"Pat\",\"rate\":100,\"startDate\":\"" + today + "\"}]}";
        assertProblem(manager().post("/api/engagements", rlm), 400, "plain-text", "clientName");
        String zeroWidth = rlm.replace("Acme\\u200fGmbH", "Ac\\u200bme");
        assertProblem(manager().post("/api/engagements", zeroWidth), 400, "plain-text", "clientName");
        Api.Response blank = manager().post("/api/engagements", rlm.replace("Acme\\u200fGmbH", "\\u00a0\\u3164"));
        assertProblem(blank, 400, "required", "clientName");
        assertThat(blank.json().get("detail").asText()).contains("clientName");
        // blank with ASCII spaces is refused by Bean Validation before the domain: the same status, the same field
        Api.Response spaces = manager().post("/api/engagements", rlm.replace("Acme\\u200fGmbH", "   "));
        assertThat(spaces.status()).as(spaces.toString()).isEqualTo(400);
        assertThat(spaces.json().path("errors").findValuesAsText("field")).contains("clientName");
        for (String invisible : List.of("\\u034f", "\\ufe0f", "\\u17b4\\u17b5", "\\udb40\\udd00", "\\u0301")) {
            assertProblem(manager().post("/api/engagements", rlm.replace("Acme\\u200fGmbH", invisible)), 400,
                    "required", "clientName");
        }
        assertProblem(manager().post("/api/engagements", rlm.replace("Acme\\u200fGmbH", "\\u1cbb")), 400,
                "plain-text", "clientName");
        assertProblem(manager().post("/api/engagements", rlm.replace("Acme\\u200fGmbH", "Acme")
                .replace("\"holes-invisible\"", "\" holes-invisible\"")), 422, "whitespace", "clientId");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aPersianNameWithAZeroWidthNonJoinerIsAccepted() {
        String body = "{\"clientId\":\"holes-zwnj-" + UUID.randomUUID() + "\","
                + "\"clientName\":\"\\u0645\\u06cc\\u200c\\u062e\\u0648\\u0627\\u0647\\u0645\","
                + "\"roleTitle\":\"Engineer\",\"currency\":\"EUR\",\"billingModel\":\"MONTHLY\","
                + "\"seats\":[{\"professionalId\":\"p\",\"professionalName\":\"Pat\",\"rate\":100,"
                + "\"startDate\":\"" + today() + "\"}]}";
        Api.Response accepted = manager().post("/api/engagements", body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void aNoticeIsWithdrawnAndGivenAgainWithAnotherLastDay() {
        LocalDate today = today();
        String id = activeEngagement("holes-withdraw-notice");
        ok(manager().post(path(id, "notice"), notice(today.plusDays(40))));
        awaitEngagement(id, e -> e.get("status").asText().equals("NOTICE_GIVEN"));
        ok(manager().post(path(id, "notice/withdraw"), Map.of("reason", "wrong last day")));
        JsonNode withdrawn = awaitEngagement(id, e -> e.get("status").asText().equals("ACTIVE"));
        assertThat(withdrawn.get("dates").hasNonNull("lastDay")).as(withdrawn.toString()).isFalse();
        ok(manager().post(path(id, "notice"), notice(today.plusDays(50))));
        JsonNode again = awaitEngagement(id, e -> e.get("status").asText().equals("NOTICE_GIVEN"));
        assertThat(again.get("dates").get("lastDay").asText()).isEqualTo(today.plusDays(50).toString());
    }

    @Test
    void aPlannedSeatReleaseIsWithdrawnAndTheSeatRunsOn() {
        LocalDate today = today();
        String id = activeEngagement("holes-withdraw-release");
        Api.Response added = manager().post(path(id, "seats"), Map.of("professionalId", "pro-second-" + id,
                "professionalName", "Sam Second", "rate", 8000, "startDate", today.toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String second = awaitEngagement(id, e -> e.get("seats").size() == 2).get("seats").get(1).get("seatId")
                .asText();
        ok(manager().post(path(id, "seats/" + second + "/release"),
                Map.of("releaseDate", today.plusDays(20).toString())));
        awaitEngagement(id, e -> e.get("seats").get(1).hasNonNull("releaseDate"));
        Api.Response again = manager().post(path(id, "seats/" + second + "/release"),
                Map.of("releaseDate", today.plusDays(10).toString()));
        assertProblem(again, 409, "seat-released", null);
        assertThat(again.json().get("detail").asText()).contains("withdraw the release first");

        ok(manager().post(path(id, "seats/" + second + "/release/withdraw"), Map.of("reason", "extended")));
        JsonNode withdrawn = awaitEngagement(id, e -> !e.get("seats").get(1).hasNonNull("releaseDate"));
        assertThat(withdrawn.get("seats")).hasSize(2);
        ok(manager().post(path(id, "seats/" + second + "/release"),
                Map.of("releaseDate", today.plusDays(10).toString())));
        awaitEngagement(id, e -> e.get("seats").get(1).path("releaseDate").asText()
                .equals(today.plusDays(10).toString()));
    }

    @Test
    void withdrawingAPauseOrAResumeDocumentsItsOwnExampleNotATrialRejection() throws Exception {
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(api.anonymous().get("/v3/api-docs").body());
        for (String action : List.of("pause", "resume")) {
            JsonNode body = doc.at("/paths/~1api~1engagements~1{id}~1" + action + "~1withdraw/post/requestBody");
            assertThat(body.findValuesAsText("reason")).as(action + "/withdraw: " + body).isNotEmpty()
                    .doesNotContain("The client chose another candidate");
        }
    }

    @Test
    void conflictsReadAsSentences() {
        String id = activeEngagement("holes-grammar");
        Api.Response refused = manager().post(path(id, "trial"), (Object) null);
        assertProblem(refused, 409, "status", null);
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("Cannot start a trial: the engagement is ACTIVE (only when PROPOSED)");
    }

    @Test
    void aRateChangeStoredBeforeRateChangesHadIdsIsWithdrawnByTheIdTheReadModelShows() {
        LocalDate today = today();
        String id = "legacy-" + UUID.randomUUID();
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("timeZone", "UTC");
        terms.put("billingCycle", "MONTHLY");
        for (String period : List.of("paymentTermsDays", "noticePeriodDays", "rateChangeNoticeDays")) {
            terms.put(period, 30);
        }
        terms.put("trialDays", 0);
        terms.put("guaranteeWindowDays", 90);
        terms.put("freeReplacementsPerSeat", 2);
        terms.put("replacementSlaBusinessDays", 5);
        terms.put("overlapBusinessDays", 5);
        terms.put("ipTrigger", "ON_PAYMENT");
        storeLegacyEvent(id, 0, "EngagementProposed", UUID.randomUUID().toString(), Map.of("engagementId", id,
                "clientId", "legacy-client", "clientName", "Legacy Ltd", "roleTitle", "Engineer", "currency", "EUR",
                "billingModel", "MONTHLY", "seats", List.of(Map.of("seatId", "legacy-seat", "professionalId",
                        "legacy-pro", "professionalName", "Lee Gacy", "rate", new BigDecimal("9000.00"),
                        "startDate", today.toString())), "terms", terms, "proposedOn", today.toString()));
        storeLegacyEvent(id, 1, "EngagementActivated", UUID.randomUUID().toString(),
                Map.of("engagementId", id, "activationDate", today.toString()));
        String legacyEventId = UUID.randomUUID().toString();
        storeLegacyEvent(id, 2, "RateChangeScheduled", legacyEventId, Map.of("engagementId", id,
                "seatId", "legacy-seat", "newRate", new BigDecimal("9900.00"),
                "effectiveDate", today.plusDays(40).toString(), "announcedOn", today.toString(),
                "reason", "annual review"));

        // stored behind the application's back, the events are found by polling rather than on commit
        JsonNode engagement = awaitEngagement(id, e -> e.get("seats").get(0).get("scheduledRates").size() == 1,
                Duration.ofSeconds(10));
        JsonNode step = engagement.get("seats").get(0).get("scheduledRates").get(0);
        assertThat(step.get("rateChangeId").asText()).isEqualTo(legacyEventId);
        assertThat(api.as("auditor").get("/api/engagements/" + id).body())
                .as("the amount keeps its minor unit through the upcaster")
                .contains("{\"effectiveDate\":\"" + today.plusDays(40) + "\",\"rate\":9900.00,");

        ok(manager().post(path(id, "rate-changes/" + legacyEventId + "/withdraw"), (Object) null));
        awaitEngagement(id, e -> e.get("seats").get(0).get("scheduledRates").isEmpty());
    }

    /** An event as a revision-1 build of the ledger stored it, straight into the event store. */
    private void storeLegacyEvent(String aggregateId, long sequence, String event, String eventId,
                                  Map<String, Object> payload) {
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, metaData, payload, payloadRevision, payloadType,"
                        + " timeStamp, aggregateIdentifier, sequenceNumber, type) VALUES (?, ?, ?, '1', ?, ?, ?, ?, ?)",
                eventId, "{\"actor\":\"legacy\"}".getBytes(StandardCharsets.UTF_8),
                Api.json(payload).getBytes(StandardCharsets.UTF_8), "com.engagementledger.engagement.api." + event,
                now().toString(), aggregateId, sequence, "Engagement");
    }

    @Test
    void anOrdinaryNoticeNeedNotSayItIsNotForCause() {
        String id = activeEngagement("holes-plain-notice");

        ok(manager().post(path(id, "notice"), Map.of("lastDay", today().plusDays(30).toString())));

        Api.Response forCauseWithoutReason = manager().post(path(activeEngagement("holes-cause"), "notice"),
                Map.of("lastDay", today().plusDays(1).toString(), "forCause", true));
        assertProblem(forCauseWithoutReason, 422, "reason-required", "reason");
    }

    private String activeEngagement(String client) {
        String id = proposeWithoutTrial(client + "-" + UUID.randomUUID(), today().toString());
        ok(manager().post(path(id, "activate"), (Object) null));
        return id;
    }

    private Api.Call manager() {
        return api.as("manager");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    private static Map<String, Object> notice(LocalDate lastDay) {
        return Map.of("lastDay", lastDay.toString(), "forCause", false);
    }

    private static String path(String id, String action) {
        return "/api/engagements/" + id + "/" + action;
    }

    private static void ok201(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void assertProblem(Api.Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("rule").asText()).as(response.toString()).isEqualTo(rule);
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as(response.toString()).contains(field);
        }
    }

    private JsonNode awaitEngagement(String id, Predicate<JsonNode> condition) {
        return awaitEngagement(id, condition, READ_MODEL_LAG);
    }

    private JsonNode awaitEngagement(String id, Predicate<JsonNode> condition, Duration atMost) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/engagements/" + id);
            seen[0] = response.status() == 200 ? response.json() : null;
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }
}
