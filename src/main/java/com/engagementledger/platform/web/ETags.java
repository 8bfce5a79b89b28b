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

    private static final Pattern TAG = Pattern.compile("(W/)?\"(\\d{1,18})\"");
    /** Any entity tag (RFC 9110 §8.8.3), ours or not; If-None-Match may name tags this server never sent. */
    private static final Pattern ANY_TAG = Pattern.compile("(?:W/)?\"[\\x21\\x23-\\x7e\\x80-\\xff]*\"");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * A read answered conditionally: 412 when {@code If-Match} names no tag that equals the current one (strongly:
     * RFC 9110 §13.1.1 holds for reads too); 304 (with the ETag once, no body) when {@code If-None-Match} names the
     * current version or is {@code *} (the resource exists), else 200 with the ETag and the body.
     */
    public static <T> ResponseEntity<T> conditional(WebRequest request, long version, T body) {
        String etag = of(version);
        String[] ifMatch = request.getHeaderValues(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            Arrays.stream(ifMatch).forEach(header -> checkTags(HttpHeaders.IF_MATCH, header));
            if (Arrays.stream(ifMatch).flatMap(header -> Arrays.stream(header.split(",")))
                    .map(String::strip).noneMatch(tag -> tag.equals("*") || tag.equals(etag))) {
                throw new PreconditionFailedException("If-Match names no entity tag of the current version, "
                        + etag + "; read it again.");
            }
        }
        String[] noneMatch = request.getHeaderValues(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null) {
            Arrays.stream(noneMatch).forEach(header -> checkTags(HttpHeaders.IF_NONE_MATCH, header));
        }
        if (noneMatch != null && Arrays.stream(noneMatch)
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).body(body);
    }

    /**
     * The version an {@code If-Match} header expects, or null when there is no header or it is {@code *}. An empty
     * header is malformed, not absent; a weak tag never matches, since If-Match compares strongly (RFC 9110 §13.1.1).
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw RuleViolation.malformed("If-Match", "etag",
                    "If-Match must be one entity tag as sent in ETag, such as \"3\"; was " + Echo.value(ifMatch));
        }
        if (matcher.group(1) != null) {
            throw new PreconditionFailedException(
                    "If-Match compares strongly and a weak entity tag never matches; send the ETag as it was sent.");
        }
        if (matcher.group(2).length() > 1 && matcher.group(2).startsWith("0")) {
            // tags compare as strings: "016" is not the "16" this server sends, so it matches no version
            throw new PreconditionFailedException("If-Match names an entity tag this resource never had; send the "
                    + "ETag as it was sent.");
        }
        return Long.parseLong(matcher.group(2));
    }

    private static void checkTags(String name, String header) {
        if (header.strip().equals("*")) {
            return;
        }
        for (String tag : header.split(",", -1)) {
            if (!ANY_TAG.matcher(tag.strip()).matches()) {
                throw RuleViolation.malformed(name, "etag",
                        name + " must be * or entity tags such as \"3\", separated by commas; was "
                                + Echo.value(header));
            }
        }
    }
}
