package com.engagementledger.iptransfer.api;

import java.util.List;
import java.util.Optional;

/**
 * What the transfer policy asks of the engagement when an invoice is issued: its client's name and the background
 * technology excluded from IP transfer now (the engagement's list, set with {@code SetIpExclusions}). Empty for an
 * unknown engagement. Implemented by the engagement's command side.
 */
public interface EngagementIpTerms {

    Optional<IpTerms> of(String engagementId);

    record IpTerms(String engagementId, String clientName, List<String> exclusions) {
    }
}
