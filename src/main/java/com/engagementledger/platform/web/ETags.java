package com.engagementledger.platform.web;

import com.engagementledger.platform.api.RuleViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import java.util.Arrays;
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

    /**
     * A read answered conditionally: 304 (with the ETag once, no body) when {@code If-None-Match} names the current
     * version or is {@code *} (the resource exists), else 200 with the ETag and the body.
     */
    public static <T> ResponseEntity<T> conditional(WebRequest request, long version, T body) {
        String etag = of(version);
        String[] noneMatch = request.getHeaderValues(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null && Arrays.stream(noneMatch)
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(body);
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
