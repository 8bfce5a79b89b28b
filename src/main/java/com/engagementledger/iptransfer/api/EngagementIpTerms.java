package com.engagementledger.iptransfer.api;

import java.util.List;
import java.util.Optional;

/**
 * What the transfer policy asks of the engagement when an invoice is issued: its client's name and the background
 * technology excluded from IP transfer (the engagement's list, set with {@code SetIpExclusions}) as it was when the
 * invoice was issued. Empty for an unknown engagement. Implemented by the engagement's command side.
 */
public interface EngagementIpTerms {

    /**
     * The terms of the invoice's transfer: the exclusions in effect when the invoice closed its period on the
     * engagement (step 2 of issuing it), not those of the moment asked, so that a policy that lags or retries copies
     * what the invoice was issued under. Falls back to the engagement's current exclusions only when the engagement
     * has no record of that invoice closing a period.
     */
    Optional<IpTerms> of(String engagementId, String invoiceId);

    record IpTerms(String engagementId, String clientName, List<String> exclusions) {
    }
}
