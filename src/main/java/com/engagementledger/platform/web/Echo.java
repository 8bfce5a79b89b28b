package com.engagementledger.platform.web;

/**
 * A value a client sent, fit to be echoed in a problem document or a log line (ADR 0024): control characters
 * (C0, DEL and C1, which forge log lines or drive terminals) are escaped, and the value is cut short.
 */
public final class Echo {

    public static final int MAX_LENGTH = 200;

    private Echo() {
    }

    /** Escaped and cut to {@link #MAX_LENGTH} characters. */
    public static String value(Object value) {
        String text = String.valueOf(value);
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH) + "…";
        }
        return escaped(text);
    }

    /** Escaped only: for text that is ours but may hold a client's value. */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = isControl(c) ? escape(c) : null;
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
