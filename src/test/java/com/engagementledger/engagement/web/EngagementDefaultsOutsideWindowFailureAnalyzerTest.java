package com.engagementledger.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.FailedStart;
import com.engagementledger.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Default terms beyond the forward-dating window: the start fails naming the properties, instead of every proposal
 * without explicit terms failing with a 422 on a field the client never sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngagementDefaultsOutsideWindowFailureAnalyzerTest {

    @Test
    void defaultNoticesLongerThanTheForwardWindowRefuseTheStartNamingTheProperties(CapturedOutput output) {
        FailedStart start = FailedStart.of("", "--ledger.engagement-defaults.forward-dating-days=60",
                "--ledger.engagement-defaults.notice-period-days=90",
                "--ledger.engagement-defaults.rate-change-notice-days=61",
                "--ledger.data-dir=" + TestDataDirs.create("defaults-beyond-window"), "--server.port=0");

        FailureAnalysis analysis = new EngagementDefaultsOutsideWindowFailureAnalyzer().analyze(start.failure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("ledger.engagement-defaults.notice-period-days (90)",
                "ledger.engagement-defaults.rate-change-notice-days (61)",
                "ledger.engagement-defaults.forward-dating-days (60)");
        assertThat(analysis.getAction()).contains("ledger.engagement-defaults.forward-dating-days");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("ledger.engagement-defaults.notice-period-days (90) and ");
    }
}
