package com.engagementledger.iptransfer.web;

import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule for a list of excluded items as a request gives it: each item a single-line plain-text name (no control
 * or invisible characters), stripped, at most {@link ExclusionsRequest#MAX_ITEM_LENGTH} characters, and named once
 * (case aside: "Acme UI kit" and "acme ui kit" are one item on a certificate a lawyer reads).
 */
final class Exclusions {

    private Exclusions() {
    }

    static List<String> of(List<String> requested) {
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "exclusions[" + i + "]";
            String item = PlainText.name(field, requested.get(i), ExclusionsRequest.MAX_ITEM_LENGTH);
            if (!seen.add(item.toLowerCase(Locale.ROOT))) {
                throw RuleViolation.invalid(field, "duplicate", field + ": \"" + item + "\" is named twice");
            }
            items.add(item);
        }
        return List.copyOf(items);
    }
}
