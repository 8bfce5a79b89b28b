package com.engagementledger.platform.api;

/**
 * The rule for every name, id and free text a caller gives: no control characters (NUL, escape, ...), no lone halves
 * of a surrogate pair (not text at all), no format characters (bidirectional marks, embeddings, overrides and
 * isolates, which make a name display as something else than what is stored, "Trojan Source"; zero-width
 * characters, soft hyphens, byte-order marks, which make two names look alike; only ZWNJ, ZWJ and the soft hyphen
 * are allowed, between two code points that show), no private-use code points (their glyph depends on the font), no line or paragraph separators and
 * no noncharacters, no code points Unicode has not assigned (no one can tell what they will show). Free text may
 * span lines; a name may not. A name without a single letter, number, symbol or punctuation mark shows nothing (only
 * spaces, fillers, combining marks, variation selectors) and is missing, a malformed request like one of ASCII
 * spaces; names and texts are kept without leading and trailing spaces and fillers, and an id with them is refused
 * rather than silently changed.
 */
public final class PlainText {

    private PlainText() {
    }

    /** A required single-line name of at most {@code maxLength} characters, stripped of surrounding spaces. */
    public static String name(String field, String value, int maxLength) {
        if (value != null) {
            check(field, value, maxLength, false);
        }
        if (isBlank(value)) {
            throw RuleViolation.malformed(field, "required", field + ": must not be blank");
        }
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

    /** Whether the text shows nothing: null, or not one letter, number, symbol or punctuation mark but fillers. */
    public static boolean isBlank(String value) {
        return value == null || value.codePoints().noneMatch(cp -> isVisible(cp) && !isFiller(cp));
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
            } else if (Character.getType(cp) == Character.FORMAT && !isJoinerInsideAWord(value, i, cp)) {
                throw refused(field, cp, "an invisible format character");
            } else if (Character.getType(cp) == Character.PRIVATE_USE) {
                throw refused(field, cp, "a private-use code point");
            } else if (Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                throw refused(field, cp, "a line or paragraph separator");
            } else if (isNoncharacter(cp)) {
                throw refused(field, cp, "a noncharacter");
            } else if (Character.getType(cp) == Character.UNASSIGNED) {
                throw refused(field, cp, "a code point Unicode has not assigned");
            }
            i += Character.charCount(cp);
        }
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpaceOrFiller(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpaceOrFiller(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Java's whitespace and every Unicode space separator, the no-break and ideographic spaces among them. */
    private static boolean isSpaceOrFiller(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isFiller(cp);
    }

    /** A letter, number, symbol or punctuation mark (Unicode categories L*, N*, S*, P*): something that shows. */
    private static boolean isVisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Letters that render as nothing: the Hangul fillers and the blank Braille pattern. */
    private static boolean isFiller(int cp) {
        return cp == 0x3164 || cp == 0x2800 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0;
    }

    /**
     * ZWNJ and ZWJ shape Persian and Indic words and join emoji sequences, a soft hyphen marks where a word may
     * break: each is needed between two code points that show (a mark shows on its base: a virama before a ZWJ, a
     * variation selector in an emoji sequence), never at either end nor next to another joiner, where it only makes
     * two names look alike.
     */
    private static boolean isJoinerInsideAWord(String value, int index, int cp) {
        if (cp != 0x200C && cp != 0x200D && cp != 0x00AD) {
            return false;
        }
        int next = index + Character.charCount(cp);
        return index > 0 && next < value.length()
                && showsOrMarks(value.codePointBefore(index)) && showsOrMarks(value.codePointAt(next));
    }

    private static boolean showsOrMarks(int cp) {
        int type = Character.getType(cp);
        return (isVisible(cp) && !isFiller(cp)) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
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
        return RuleViolation.malformed(field, "plain-text", String.format("%s: contains U+%04X, %s", field, cp, what));
    }
}
