package com.engagementledger.platform.api;

/**
 * The rule for every name and free text a caller gives: no control characters (NUL, escape, ...), no lone halves of
 * a surrogate pair (not text at all), and no bidirectional embedding, override or isolate characters, which make a
 * name display as something else than what is stored ("Trojan Source"). Free text may span lines; a name may not.
 */
public final class PlainText {

    private PlainText() {
    }

    /** A required single-line name or id of at most {@code maxLength} characters. */
    public static String name(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, "required", "is required");
        }
        check(field, value, maxLength, false);
        return value;
    }

    /** An optional free text of at most {@code maxLength} characters; line breaks and tabs are allowed. */
    public static String text(String field, String value, int maxLength) {
        if (value != null) {
            check(field, value, maxLength, true);
        }
        return value;
    }

    private static void check(String field, String value, int maxLength, boolean multiLine) {
        if (value.length() > maxLength) {
            throw RuleViolation.invalid(field, "length", "is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw refused(field, c, "half of a surrogate pair, not a character");
            } else if (Character.getType(c) == Character.CONTROL && !(multiLine && isLineOrTab(c))) {
                throw refused(field, c, "a control character");
            } else if (isBidiControl(c)) {
                throw refused(field, c, "a bidirectional formatting character");
            }
        }
    }

    private static boolean isLineOrTab(char c) {
        return c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static RuleViolation refused(String field, char c, String what) {
        return RuleViolation.invalid(field, "plain-text",
                String.format("contains U+%04X, %s", (int) c, what));
    }
}
