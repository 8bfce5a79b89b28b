package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.HttpTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A refused request (any 4xx) is the caller's mistake, not the server's: it is logged as one line naming the rule,
 * never as a stack trace that buries real failures.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingHttpTest extends HttpTestSupport {

    @Test
    void refusalsAreOneLineEachWithoutAStackTrace(CapturedOutput output) {
        String today = LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();
        String id = propose("logging-client", today);
        int from = output.getAll().length();

        assertThat(api.as("manager").post("/api/engagements", "{").status()).isEqualTo(400);
        assertThat(api.as("manager").post("/api/engagements/" + id + "/end", (Object) null).status()).isEqualTo(409);
        assertThat(api.as("manager").post("/api/engagements/" + UUID.randomUUID() + "/end", (Object) null).status())
                .isEqualTo(404);
        assertThat(api.as("manager").header("If-Match", "\"9\"").post("/api/engagements/" + id + "/cancel",
                (Object) null).status()).isEqualTo(412);
        assertThat(api.as("manager").method("DELETE", "/api/engagements/" + id, null).status()).isEqualTo(405);
        assertThat(api.as("auditor").post("/api/engagements/" + id + "/cancel", (Object) null).status())
                .isEqualTo(403);
        assertThat(api.as("manager").post("/api/engagements/" + id + "/notice", "{\"lastDay\": \"2020-01-01\"}")
                .status()).isBetween(400, 499);

        String logged = output.getAll().substring(from);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(logged).contains("Refused POST /api/engagements/" + id + "/end: 409");
        assertThat(logged).contains("Refused POST /api/engagements: 400 invalid-request");
    }
}
