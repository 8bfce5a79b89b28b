package com.engagementledger.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.audit.api.SigningKeys;
import com.engagementledger.support.FailedStart;
import com.engagementledger.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Outside the embedded default, a start without an audit signing key (or with one that is not an Ed25519 key pair)
 * fails, saying what to configure: checkpoints are never left unsigned.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditSigningKeyFailureAnalyzerTest {

    @Test
    void aRelationalStoreOtherThanTheEmbeddedFileWithoutAKeyDoesNotStart(CapturedOutput output) {
        FailedStart start = FailedStart.of("", "--spring.datasource.url=jdbc:h2:mem:audit-no-key;DB_CLOSE_DELAY=-1",
                "--ledger.data-dir=" + TestDataDirs.create("audit-no-key"), "--server.port=0");

        FailureAnalysis analysis = new AuditSigningKeyFailureAnalyzer().analyze(start.failure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("No audit signing key is configured");
        assertThat(analysis.getAction()).contains("LEDGER_AUDIT_SIGNING_KEY", "LEDGER_AUDIT_KEY_DIRECTORY",
                "openssl genpkey -algorithm ed25519");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("No audit signing key is configured");
    }

    @Test
    void aConfiguredKeyThatIsNoKeyPairDoesNotStart(CapturedOutput output) {
        String publicOnly = SigningKeys.publicPem(SigningKeys.generate().getPublic());
        FailedStart start = FailedStart.of("", "--ledger.audit.signing-key=" + publicOnly,
                "--ledger.data-dir=" + TestDataDirs.create("audit-bad-key"), "--server.port=0");

        FailureAnalysis analysis = new AuditSigningKeyFailureAnalyzer().analyze(start.failure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("not usable: no PRIVATE KEY block");
        assertThat(output).contains("APPLICATION FAILED TO START");
    }
}
