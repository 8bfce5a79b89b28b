package com.engagementledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Over HTTP, a user's repeated Basic requests run BCrypt once (ADR 0039), and a wrong password is still refused and
 * checked with BCrypt without costing the user the verified password. Signs in as {@code cache-probe}, whom no other
 * test uses, so that its first request finds nothing remembered.
 */
class BasicCredentialCacheHttpTest extends HttpTestSupport {

    @Autowired
    private MeterRegistry meters;

    @Test
    void twentyRequestsAsOneUserRunBcryptOnce() {
        double bcrypt = checks("password-hash");
        double cached = checks("cache");

        for (int i = 0; i < 20; i++) {
            assertThat(api.as("cache-probe").get("/api/engagements").status()).isEqualTo(200);
        }

        assertThat(checks("password-hash") - bcrypt).isEqualTo(1);
        assertThat(checks("cache") - cached).isEqualTo(19);

        Api.Response wrong = api.anonymous().header("Authorization", basic("cache-probe", "not-the-password"))
                .get("/api/engagements");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(checks("password-hash") - bcrypt).as("the wrong password checked with BCrypt").isEqualTo(2);

        assertThat(api.as("cache-probe").get("/api/engagements").status()).isEqualTo(200);
        assertThat(checks("password-hash") - bcrypt).as("the verified password still remembered").isEqualTo(2);
    }

    private double checks(String checkedBy) {
        return meters.counter(CachingBasicAuthenticationProvider.CHECKS_METRIC, "checked-by", checkedBy).count();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
