package com.engagementledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.FailedStart;
import com.engagementledger.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The jwt profile without LEDGER_JWT_ISSUER_URI: the start fails saying which variable to set, not that a
 * {@code JwtDecoder} bean should be defined.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtIssuerMissingFailureAnalyzerTest {

    @Test
    void theJwtProfileWithoutAnIssuerSaysWhichVariableToSet(CapturedOutput output) {
        FailedStart start = FailedStart.of("jwt", "--spring.security.oauth2.resourceserver.jwt.issuer-uri=",
                "--ledger.data-dir=" + TestDataDirs.create("no-issuer"), "--server.port=0");

        FailureAnalysis analysis = new JwtIssuerMissingFailureAnalyzer().analyze(start.failure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("no token issuer is configured");
        assertThat(analysis.getAction()).contains("LEDGER_JWT_ISSUER_URI", "jwk-set-uri", "public-key-location");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("no token issuer is configured (LEDGER_JWT_ISSUER_URI")
                .doesNotContain("Consider defining a bean");
    }
}
