package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aggregate versions as entity tags: version 7 is {@code "7"}. {@code If-Match} takes one such tag (or {@code *}).
 */
public final class ETags {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header expects, or null when there is no header or it is {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw RuleViolation.malformed("If-Match", "etag",
                    "If-Match must be one entity tag as sent in ETag, such as \"3\"; was " + ifMatch);
        }
        return Long.parseLong(matcher.group(1));
    }
}
