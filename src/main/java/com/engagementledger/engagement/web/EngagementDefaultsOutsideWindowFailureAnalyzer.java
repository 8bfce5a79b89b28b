package com.engagementledger.engagement.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start refused because a default term lies beyond the forward-dating window. */
public class EngagementDefaultsOutsideWindowFailureAnalyzer
        extends AbstractFailureAnalyzer<EngagementDefaultsOutsideWindowException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EngagementDefaultsOutsideWindowException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Lower the named default to at most ledger.engagement-defaults.forward-dating-days, or widen "
                        + "ledger.engagement-defaults.forward-dating-days.",
                cause);
    }
}
