package com.engagementledger.audit.api;

import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * The RFC 8785 form of a JSON text exactly as {@link JsonCanonicalizer} writes it (the audit chain's hashes depend on
 * every byte), without building its object tree: one pass over the text that writes each value in canonical form
 * and reorders an object's members once it has read them. The pass only takes strict JSON (RFC 8259) whose root is an
 * object or an array, with no member name twice in one object; anything else — a text the library would refuse, or
 * one it reads more leniently — is handed to the library itself, so that the result and every refusal stay the
 * library's. Numbers are written by the library's own {@link NumberToJSON} from {@link Double#valueOf}, as it does;
 * only an integer of at most 15 digits (exact as a double, written with the same digits) is copied as it stands.
 */
final class Rfc8785 {

    private static final int MAX_DEPTH = 256;

    private final String json;
    private final int length;
    private int index;

    private Rfc8785(String json) {
        this.json = json;
        this.length = json.length();
    }

    /** The canonical form of {@code json}; the library's exception when it has none. */
    static String canonicalize(String json) throws IOException {
        String fast = fast(json);
        return fast != null ? fast : new JsonCanonicalizer(json).getEncodedString();
    }

    /** The canonical form by the one-pass writer; null when the text is not one it takes (the library decides). */
    static String fast(String json) {
        Rfc8785 parser = new Rfc8785(json);
        StringBuilder out = new StringBuilder(json.length());
        try {
            parser.skipWhiteSpace();
            char first = parser.peek();
            if (first != '{' && first != '[') {
                return null;
            }
            parser.value(out, 0);
            parser.skipWhiteSpace();
            return parser.index == parser.length ? out.toString() : null;
        } catch (NotTaken e) {
            return null;
        }
    }

    /** The text is not one the one-pass writer takes. */
    private static final class NotTaken extends Exception {
        private static final NotTaken INSTANCE = new NotTaken();

        private NotTaken() {
            super(null, null, false, false);
        }
    }

    private void value(StringBuilder out, int depth) throws NotTaken {
        skipWhiteSpace();
        char c = peek();
        switch (c) {
            case '{' -> object(out, depth + 1);
            case '[' -> array(out, depth + 1);
            case '"' -> string(out);
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number(out);
                } else {
                    throw NotTaken.INSTANCE;
                }
            }
        }
    }

    private void object(StringBuilder out, int depth) throws NotTaken {
        if (depth > MAX_DEPTH) {
            throw NotTaken.INSTANCE;
        }
        index++;
        skipWhiteSpace();
        if (peek() == '}') {
            index++;
            out.append("{}");
            return;
        }
        // the members' values are written after out's current end, then moved behind their names in sorted order
        int base = out.length();
        String[] names = new String[8];
        int[] ends = new int[8];
        int count = 0;
        boolean sorted = true;
        while (true) {
            skipWhiteSpace();
            if (peek() != '"') {
                throw NotTaken.INSTANCE;
            }
            String name = name();
            skipWhiteSpace();
            expect(':');
            value(out, depth);
            if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            if (count > 0 && names[count - 1].compareTo(name) >= 0) {
                sorted = false;
            }
            names[count] = name;
            ends[count] = out.length();
            count++;
            skipWhiteSpace();
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw NotTaken.INSTANCE;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (!sorted) {
            String[] byName = names;
            java.util.Arrays.sort(order, (a, b) -> byName[a].compareTo(byName[b]));
            for (int i = 1; i < count; i++) {
                if (names[order[i - 1]].equals(names[order[i]])) {
                    throw NotTaken.INSTANCE;
                }
            }
        }
        String values = out.substring(base);
        out.setLength(base);
        out.append('{');
        for (int i = 0; i < count; i++) {
            int member = order[i];
            if (i > 0) {
                out.append(',');
            }
            CanonicalEvent.string(out, names[member]);
            out.append(':');
            out.append(values, member == 0 ? 0 : ends[member - 1] - base, ends[member] - base);
        }
        out.append('}');
    }

    private void array(StringBuilder out, int depth) throws NotTaken {
        if (depth > MAX_DEPTH) {
            throw NotTaken.INSTANCE;
        }
        index++;
        out.append('[');
        skipWhiteSpace();
        if (peek() == ']') {
            index++;
            out.append(']');
            return;
        }
        while (true) {
            value(out, depth);
            skipWhiteSpace();
            char c = next();
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw NotTaken.INSTANCE;
            }
            out.append(',');
        }
        out.append(']');
    }

    /** A string value: copied as it stands when it has no escape and nothing to escape, else decoded and written. */
    private void string(StringBuilder out) throws NotTaken {
        int start = index;
        int plainEnd = plainEnd();
        if (plainEnd >= 0) {
            out.append(json, start, plainEnd + 1);
            index = plainEnd + 1;
        } else {
            CanonicalEvent.string(out, decode());
        }
    }

    private String name() throws NotTaken {
        int start = index;
        int plainEnd = plainEnd();
        if (plainEnd >= 0) {
            index = plainEnd + 1;
            return json.substring(start + 1, plainEnd);
        }
        return decode();
    }

    /** The index of the closing quote of the string at {@code index} when it holds only plain characters; else -1. */
    private int plainEnd() {
        for (int i = index + 1; i < length; i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** The string at {@code index}, its escapes decoded (RFC 8259: control characters must be escaped). */
    private String decode() throws NotTaken {
        index++;
        StringBuilder text = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return text.toString();
            }
            if (c < 0x20) {
                throw NotTaken.INSTANCE;
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> text.append(escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        code = code * 16 + hexDigit(next());
                    }
                    text.append((char) code);
                }
                default -> throw NotTaken.INSTANCE;
            }
        }
    }

    /** An ASCII hex digit's value (as the library reads them: no other digits). */
    private static int hexDigit(char c) throws NotTaken {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw NotTaken.INSTANCE;
    }

    private void literal(StringBuilder out, String literal) throws NotTaken {
        if (!json.startsWith(literal, index)) {
            throw NotTaken.INSTANCE;
        }
        index += literal.length();
        out.append(literal);
    }

    /** RFC 8259 number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?}. */
    private void number(StringBuilder out) throws NotTaken {
        int start = index;
        boolean negative = peek() == '-';
        if (negative) {
            index++;
        }
        int digitsStart = index;
        if (peek() == '0') {
            index++;
        } else if (digits() == 0) {
            throw NotTaken.INSTANCE;
        }
        int integerDigits = index - digitsStart;
        boolean plainInteger = true;
        if (index < length && json.charAt(index) == '.') {
            index++;
            plainInteger = false;
            if (digits() == 0) {
                throw NotTaken.INSTANCE;
            }
        }
        if (index < length && (json.charAt(index) == 'e' || json.charAt(index) == 'E')) {
            index++;
            plainInteger = false;
            if (index < length && (json.charAt(index) == '+' || json.charAt(index) == '-')) {
                index++;
            }
            if (digits() == 0) {
                throw NotTaken.INSTANCE;
            }
        }
        boolean negativeZero = negative && json.charAt(digitsStart) == '0';
        if (plainInteger && integerDigits <= 15 && !negativeZero) {
            out.append(json, start, index);
            return;
        }
        try {
            out.append(NumberToJSON.serializeNumber(Double.valueOf(json.substring(start, index))));
        } catch (IOException | RuntimeException e) {
            throw NotTaken.INSTANCE;
        }
    }

    private int digits() {
        int start = index;
        while (index < length && json.charAt(index) >= '0' && json.charAt(index) <= '9') {
            index++;
        }
        return index - start;
    }

    private void skipWhiteSpace() {
        while (index < length) {
            char c = json.charAt(index);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            index++;
        }
    }

    private char peek() throws NotTaken {
        if (index >= length) {
            throw NotTaken.INSTANCE;
        }
        return json.charAt(index);
    }

    private char next() throws NotTaken {
        char c = peek();
        index++;
        return c;
    }

    private void expect(char expected) throws NotTaken {
        if (next() != expected) {
            throw NotTaken.INSTANCE;
        }
    }
}
