package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every engagement endpoint against every role: anonymous callers get 401, roles without the job get 403, both as
 * problem documents and without storing anything; every role can read.
 */
class EngagementSecurityHttpTest extends HttpTestSupport {

    private String id;
    private String seatId;

    @BeforeEach
    void anEngagement() {
        id = propose("security-client", LocalDate.ofInstant(now(), ZoneOffset.UTC).toString());
        org.awaitility.Awaitility.await().until(() -> api.as("auditor").get("/api/engagements/" + id).status() == 200);
        seatId = api.as("auditor").get("/api/engagements/" + id).json().get("seats").get(0).get("seatId").asText();
    }

    private List<String> commandPaths() {
        String e = "/api/engagements/" + id;
        return List.of("/api/engagements", e + "/trial", e + "/trial/accept", e + "/trial/reject", e + "/activate",
                e + "/pause", e + "/resume", e + "/notice", e + "/end", e + "/cancel", e + "/seats",
                e + "/seats/" + seatId + "/release", e + "/rate-changes");
    }

    @Test
    void anonymousCallersGet401OnEveryEndpoint() {
        long before = eventCount();
        for (String path : commandPaths()) {
            assertProblem(api.anonymous().post(path, "{}"), 401, path);
        }
        for (String path : List.of("/api/engagements", "/api/engagements/" + id, "/api/admin/clock")) {
            assertProblem(api.anonymous().get(path), 401, path);
        }
        assertProblem(api.anonymous().post("/api/admin/clock", "{\"advanceBy\":\"P1D\"}"), 401, "clock");
        Api.Response wrongPassword = api.anonymous().header("Authorization", "Basic bWFuYWdlcjp3cm9uZw==")
                .get("/api/engagements");
        assertProblem(wrongPassword, 401, "wrong password");
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo("Basic realm=\"engagement-ledger\"");
        Api.Response anonymous = api.anonymous().get("/api/engagements");
        assertThat(anonymous.raw().headers().allValues("WWW-Authenticate"))
                .containsExactly("Basic realm=\"engagement-ledger\"");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void auditorsFinanceAndAdminsCannotChangeEngagements() {
        long before = eventCount();
        for (String user : List.of("auditor", "finance", "admin")) {
            for (String path : commandPaths()) {
                assertProblem(api.as(user).post(path, "{}"), 403, user + " " + path);
            }
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyAdminsMoveTheTestClock() {
        for (String user : List.of("manager", "auditor", "finance")) {
            assertProblem(api.as(user).post("/api/admin/clock", "{\"advanceBy\":\"PT1S\"}"), 403, user);
            assertProblem(api.as(user).get("/api/admin/clock"), 403, user);
        }
        assertThat(api.as("admin").get("/api/admin/clock").status()).isEqualTo(200);
    }

    @Test
    void everyRoleReadsEngagements() {
        for (String user : List.of("manager", "finance", "auditor", "admin")) {
            assertThat(api.as(user).get("/api/engagements").status()).as(user).isEqualTo(200);
            assertThat(api.as(user).get("/api/engagements/" + id).status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void otherMethodsAreDenied() {
        Api.Response delete = api.as("manager").method("DELETE", "/api/engagements/" + id, null);
        assertThat(delete.status()).isEqualTo(405);
        Api.Response put = api.as("manager").method("PUT", "/api/engagements/" + id, "{}");
        assertThat(put.status()).isEqualTo(405);
    }

    @Test
    void openApiAndHealthAreOpen() {
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/v3/api-docs").body()).contains("/api/engagements/{id}/rate-changes");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as("admin").get("/actuator/prometheus").status()).isEqualTo(200);
    }

    private static void assertProblem(Api.Response response, int status, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
