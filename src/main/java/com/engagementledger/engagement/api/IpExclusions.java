package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule for a list of background technology excluded from IP transfer, on the engagement and on one transfer
 * alike: each item a plain-text name, named once (two items that differ only in case name the same thing and would
 * read as two exclusions on a certificate), and few and short enough to print on one.
 */
public final class IpExclusions {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_LENGTH = 200;

    private IpExclusions() {
    }

    /** The items stripped of surrounding spaces, in the order given; refused naming the offending item. */
    public static List<String> check(String field, List<String> items) {
        if (items == null) {
            throw RuleViolation.invalid(field, "required", field + ": must not be null (an empty list clears it)");
        }
        if (items.size() > MAX_ITEMS) {
            throw RuleViolation.invalid(field, "maximum", field + ": at most " + MAX_ITEMS + " items, was "
                    + items.size());
        }
        List<String> checked = new ArrayList<>(items.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String itemField = field + "[" + i + "]";
            String item = PlainText.name(itemField, items.get(i), MAX_LENGTH);
            Integer earlier = seen.putIfAbsent(item.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw RuleViolation.invalid(itemField, "unique", itemField + ": '" + item + "' is already "
                        + field + "[" + earlier + "]");
            }
            checked.add(item);
        }
        return List.copyOf(checked);
    }
}
