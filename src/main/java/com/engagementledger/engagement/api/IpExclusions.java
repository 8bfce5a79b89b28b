package com.engagementledger.engagement.api;

import com.engagementledger.platform.api.PlainText;
import com.engagementledger.platform.api.RuleViolation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule for a list of background technology excluded from IP transfer, on the engagement and on one transfer
 * alike: each item a plain-text name, named once (two items that differ only in case, in Unicode composition or in
 * the spaces between words name the same thing and would read as two exclusions on a certificate), and few and short
 * enough to print on one. Items are kept in Unicode NFC with each run of spaces one space, so that the same name is
 * stored, hashed into a certificate and compared as one text however it was typed.
 */
public final class IpExclusions {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_LENGTH = 200;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");
    /** Zero-width joiner and non-joiner, which change no letter of a name. */
    private static final Pattern JOINERS = Pattern.compile("[\u200c\u200d]");

    private IpExclusions() {
    }

    /**
     * The items stripped of surrounding spaces, in NFC, each run of spaces inside one space, in the order given;
     * refused naming the offending item.
     */
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
            String item = normalized(PlainText.name(itemField, items.get(i), MAX_LENGTH));
            Integer earlier = seen.putIfAbsent(sameness(item), i);
            if (earlier != null) {
                throw RuleViolation.invalid(itemField, "unique", itemField + ": '" + item + "' is already "
                        + field + "[" + earlier + "]");
            }
            checked.add(item);
        }
        return List.copyOf(checked);
    }

    /**
     * What two items that read alike share: their compatibility form (NFKC: "ﬁle" and "file", "ＡＢＣ" and "ABC"),
     * without the invisible joiners that plain text lets through inside words, case-folded (upper then lower case, so
     * "STRASSE" and "straße", "ΟΔΟΣ" and "οδοσ" meet).
     */
    static String sameness(String item) {
        String compatible = JOINERS.matcher(Normalizer.normalize(item, Normalizer.Form.NFKC)).replaceAll("");
        return compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** NFC, then every run of whitespace or Unicode space separators (a no-break space among them) as one space. */
    static String normalized(String item) {
        return SPACES.matcher(Normalizer.normalize(item, Normalizer.Form.NFC)).replaceAll(" ");
    }
}
