package com.engagementledger.billing.query;

import com.engagementledger.invoicing.api.BillingBases;
import com.engagementledger.invoicing.api.BillingBasis;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Billing bases held in memory, as a test gives them: the views' tests price work without the command side.
 */
public final class FakeBillingBases implements BillingBases {

    private final Map<String, BillingParty> parties = new HashMap<>();
    private final Map<String, BillingBasis> bases = new HashMap<>();

    public FakeBillingBases with(BillingParty party, BillingBasis basis) {
        parties.put(party.engagementId(), party);
        bases.put(party.engagementId(), basis);
        return this;
    }

    @Override
    public Optional<BillingBasis> of(String engagementId, LocalDate from, LocalDate to) {
        return Optional.ofNullable(bases.get(engagementId));
    }

    @Override
    public Optional<BillingParty> party(String engagementId) {
        return Optional.ofNullable(parties.get(engagementId));
    }
}
