package com.engagementledger.platform.web;

import java.util.regex.Pattern;

/**
 * Jackson's parse errors in words a caller can act on: its messages name the stream source, its own features
 * ("enable `JsonReadFeature...` to allow") and Java types, none of which means anything to a client of the API.
 */
final class JsonMessages {

    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source:[^\\]]*\\]\\)?");
    private static final Pattern FEATURE_HINT = Pattern.compile("[:;,]?\\s*\\(?enable `[^`]*`[^)]*\\)?");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern COMMENT = Pattern.compile("Feature '[A-Z_]*ALLOW_[A-Z_]*COMMENTS'");
    private static final Pattern FEATURE_NOTE = Pattern.compile("\\s*\\([^()]*Feature '[A-Z_]+'[^()]*\\)");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:java|javax|jakarta|com|org)\\.[a-z]");

    private JsonMessages() {
    }

    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "the body cannot be read as JSON";
        }
        if (COMMENT.matcher(message).find()) {
            return "comments are not allowed in JSON";
        }
        String plain = SOURCE.matcher(message).replaceAll("");
        plain = FEATURE_NOTE.matcher(plain).replaceAll("");
        plain = FEATURE_HINT.matcher(plain).replaceAll("");
        plain = BACKTICKED.matcher(plain).replaceAll("the value");
        plain = plain.replaceAll("\\s+", " ").strip();
        return plain.isEmpty() || JAVA_NAME.matcher(plain).find() || plain.contains("Feature")
                ? "the body cannot be read as JSON" : plain;
    }
}
