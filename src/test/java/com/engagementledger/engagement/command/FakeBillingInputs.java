package com.engagementledger.engagement.command;

import com.engagementledger.invoicing.api.ApprovedHours;
import com.engagementledger.invoicing.api.BillingInputs;
import com.engagementledger.invoicing.api.CreditDue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hours and credits as the timesheets and replacements would answer them, for the engagement's fixture tests. */
final class FakeBillingInputs implements BillingInputs {

    final List<ApprovedHours> hours = new ArrayList<>();
    final Map<String, CreditDue> credits = new LinkedHashMap<>();
    final List<Collection<String>> creditsAskedFor = new ArrayList<>();

    @Override
    public List<ApprovedHours> approvedHours(String engagementId, Collection<String> seatIds, LocalDate from,
                                             LocalDate to) {
        return hours.stream().filter(hour -> seatIds.contains(hour.seatId()))
                .filter(hour -> !hour.day().isBefore(from) && !hour.day().isAfter(to)).toList();
    }

    @Override
    public List<CreditDue> creditsGranted(Collection<String> replacementIds) {
        creditsAskedFor.add(List.copyOf(replacementIds));
        return replacementIds.stream().filter(credits::containsKey).map(credits::get).toList();
    }
}
