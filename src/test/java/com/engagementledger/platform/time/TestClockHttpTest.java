package com.engagementledger.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test clock moves forward only, and refuses anything else with a problem naming the field.
 */
class TestClockHttpTest extends HttpTestSupport {

    @Test
    void theClockAdvancesByADurationOrToALaterInstant() {
        Instant before = now();
        Api.Response advanced = api.as("admin").post("/api/admin/clock", Map.of("advanceBy", "PT2H"));
        assertThat(advanced.status()).isEqualTo(200);
        Instant after = Instant.parse(advanced.json().get("instant").asText());
        assertThat(Duration.between(before, after)).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusSeconds(5));

        Instant target = after.plus(Duration.ofDays(3));
        Api.Response moved = api.as("admin").post("/api/admin/clock", Map.of("instant", target.toString()));
        assertThat(Instant.parse(moved.json().get("instant").asText())).isBetween(target, target.plusSeconds(5));
    }

    @Test
    void theClockNeverGoesBackwards() {
        Instant past = now().minus(Duration.ofMinutes(1));
        Api.Response back = api.as("admin").post("/api/admin/clock", Map.of("instant", past.toString()));
        assertThat(back.status()).isEqualTo(422);
        assertThat(back.json().get("errors").get(0).get("field").asText()).isEqualTo("instant");
        assertThat(back.json().get("rule").asText()).isEqualTo("never-backwards");
        assertThat(now()).isAfter(past);
    }

    @Test
    void aZeroNegativeOrAmbiguousChangeIsRefused() {
        for (String body : new String[] {"{\"advanceBy\":\"P0D\"}", "{\"advanceBy\":\"-P1D\"}", "{}",
                "{\"advanceBy\":\"P1D\",\"instant\":\"2030-01-01T00:00:00Z\"}", "{\"advanceBy\":\"tomorrow\"}"}) {
            Api.Response refused = api.as("admin").post("/api/admin/clock", body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).as(body).doesNotContain("exactlyOneChange").doesNotContain("AssertTrue");
        }
    }

    @Test
    void anAmbiguousOrEmptyChangeNamesTheFieldsAndTheRule() {
        for (String body : new String[] {"{}", "{\"advanceBy\":\"P1D\",\"instant\":\"2030-01-01T00:00:00Z\"}"}) {
            Api.Response refused = api.as("admin").post("/api/admin/clock", body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
            assertThat(refused.json().get("rule").asText()).as(body).isEqualTo("exactly-one");
            assertThat(refused.json().get("detail").asText()).as(body)
                    .isEqualTo("give exactly one of instant and advanceBy");
        }
        Api.Response zero = api.as("admin").post("/api/admin/clock", "{\"advanceBy\":\"PT0S\"}");
        assertThat(zero.status()).as(zero.toString()).isEqualTo(400);
        assertThat(zero.json().get("rule").asText()).isEqualTo("positive");
        assertThat(zero.json().get("errors").get(0).get("field").asText()).isEqualTo("advanceBy");
    }
}
