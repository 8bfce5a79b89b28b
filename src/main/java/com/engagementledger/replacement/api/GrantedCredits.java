package com.engagementledger.replacement.api;

import java.util.Optional;

/**
 * What billing asks of the replacement feature while the engagement computes an invoice: the service credit a
 * replacement granted (a missed SLA of a free replacement), if it granted one.
 */
public interface GrantedCredits {

    Optional<ServiceCreditGranted> creditOf(String replacementId);
}
