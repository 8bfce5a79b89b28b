package com.engagementledger.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a demo start whose seeding the domain refused: the demo dates are relative to today, so the usual cause
 * is configuration that narrows the dating windows below what the demo story needs.
 */
public class DemoDataRefusedFailureAnalyzer extends AbstractFailureAnalyzer<DemoDataRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoDataRefusedException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". The configured domain limits do not admit the demo story.",
                "Start without the demo profile, or widen the configured limits the refusal names, e.g. "
                        + "ledger.engagement-defaults.forward-dating-days or ledger.engagement-defaults.back-dating-days "
                        + "(their defaults admit the demo).",
                cause);
    }
}
