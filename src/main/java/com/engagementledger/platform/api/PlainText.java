package com.engagementledger.platform.api;

/**
 * The rule for every name, id and free text a caller gives: no control characters (NUL, escape, ...), no lone halves
 * of a surrogate pair (not text at all), no format characters (bidirectional marks, embeddings, overrides and
 * isolates, which make a name display as something else than what is stored, "Trojan Source"; zero-width
 * characters, soft hyphens, byte-order marks, which make two names look alike), no line or paragraph separators and
 * no noncharacters. Free text may span lines; a name may not. A name that shows nothing once spaces and invisible
 * fillers are removed is missing; names and texts are kept without leading and trailing spaces, and an id with them
 * is refused rather than silently changed.
 */
public final class PlainText {

    private PlainText() {
    }

    /** A required single-line name of at most {@code maxLength} characters, stripped of surrounding spaces. */
    public static String name(String field, String value, int maxLength) {
        if (isBlank(value)) {
            throw RuleViolation.invalid(field, "required", field + ": must not be blank");
        }
        check(field, value, maxLength, false);
        return strip(value);
    }

    /** A required single-line id of at most {@code maxLength} characters: taken as given, so never padded. */
    public static String id(String field, String value, int maxLength) {
        String name = name(field, value, maxLength);
        if (!name.equals(value)) {
            throw RuleViolation.invalid(field, "whitespace", field + ": must not begin or end with a space");
        }
        return value;
    }

    /** An optional free text of at most {@code maxLength} characters, stripped; line breaks and tabs are allowed. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        check(field, value, maxLength, true);
        return strip(value);
    }

    /** Whether the text shows nothing: null, or only spaces (of any kind) and invisible fillers. */
    public static boolean isBlank(String value) {
        return value == null || value.codePoints().allMatch(cp -> isSpace(cp) || isFiller(cp));
    }

    private static void check(String field, String value, int maxLength, boolean multiLine) {
        if (value.length() > maxLength) {
            throw RuleViolation.invalid(field, "length", "is longer than " + maxLength + " characters");
        }
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            if (cp <= Character.MAX_VALUE && Character.isSurrogate((char) cp)) {
                throw refused(field, cp, "half of a surrogate pair, not a character");
            } else if (Character.getType(cp) == Character.CONTROL && !(multiLine && isLineOrTab(cp))) {
                throw refused(field, cp, "a control character");
            } else if (isBidiControl(cp)) {
                throw refused(field, cp, "a bidirectional formatting character");
            } else if (Character.getType(cp) == Character.FORMAT) {
                throw refused(field, cp, "an invisible format character");
            } else if (Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                throw refused(field, cp, "a line or paragraph separator");
            } else if (isNoncharacter(cp)) {
                throw refused(field, cp, "a noncharacter");
            }
            i += Character.charCount(cp);
        }
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Java's whitespace and every Unicode space separator, the no-break and ideographic spaces among them. */
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Letters that render as nothing: the Hangul fillers and the blank Braille pattern. */
    private static boolean isFiller(int cp) {
        return cp == 0x3164 || cp == 0x2800 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0;
    }

    private static boolean isLineOrTab(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t';
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static RuleViolation refused(String field, int cp, String what) {
        return RuleViolation.malformed(field, "plain-text", String.format("contains U+%04X, %s", cp, what));
    }
}
