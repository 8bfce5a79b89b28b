package com.engagementledger.audit.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes of a stored event, which the audit hash chain hashes (ADR 0028): the RFC 8785 (JSON
 * Canonicalization Scheme) serialization, in UTF-8, of one JSON object built from the stored row:
 *
 * <pre>
 * {"aggregateId": text, "aggregateType": text, "eventId": text, "eventType": text, "metadata": object,
 *  "payload": object, "position": integer, "revision": text, "sequence": integer, "timestamp": text}
 * </pre>
 *
 * <ul>
 *   <li>every text is the stored column's value as it is ({@code timestamp} too, not re-formatted; {@code eventType}
 *       is the stored payload type, a class name);</li>
 *   <li>{@code payload} and {@code metadata} are the stored JSON texts, parsed: they must be UTF-8 JSON objects (or
 *       arrays), and RFC 8785 rewrites them (members sorted by UTF-16 code units, numbers as IEEE doubles in their
 *       shortest form, strings with minimal escapes, no white space);</li>
 *   <li>a member whose column is NULL (a revision, metadata or aggregate type never stored) is left out, never
 *       written as null;</li>
 *   <li>{@code position} and {@code sequence} are written as plain integers (exact below 2<sup>53</sup>).</li>
 * </ul>
 *
 * <p>So the chain covers what the stored bytes mean, not how they happen to be spelt: white space or the order of
 * members inside the payload do not change the canonical bytes; any changed value does. A payload or metadata that
 * is not such JSON (a flipped byte that breaks UTF-8 or the syntax) has no canonical form and is reported, by an
 * {@link UnreadableEventException} naming the position. The outer object's members are written here in their
 * canonical order, with the escapes of RFC 8785; the result equals canonicalizing the whole object with the
 * library (a test checks it), at half the cost.
 */
public final class CanonicalEvent {

    private CanonicalEvent() {
    }

    /** The canonical UTF-8 bytes of {@code event}. */
    public static byte[] bytes(StoredEvent event) {
        return text(event).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical JSON text of {@code event}. */
    public static String text(StoredEvent event) {
        String payload = canonicalJson(event.position(), "payload", event.payload());
        String metadata = event.metadata() == null ? null
                : canonicalJson(event.position(), "metadata", event.metadata());
        // room for every member, so that the builder never grows (a copy of the whole text each time)
        StringBuilder json = new StringBuilder(payload.length() + (metadata == null ? 0 : metadata.length())
                + length(event.aggregateId()) + length(event.aggregateType()) + length(event.eventId())
                + length(event.eventType()) + length(event.revision()) + length(event.timestamp()) + 200);
        json.append('{');
        boolean first = true;
        first = text(json, first, "aggregateId", event.aggregateId());
        first = text(json, first, "aggregateType", event.aggregateType());
        first = text(json, first, "eventId", event.eventId());
        first = text(json, first, "eventType", event.eventType());
        first = raw(json, first, "metadata", metadata);
        first = raw(json, first, "payload", payload);
        first = raw(json, first, "position", Long.toString(event.position()));
        first = text(json, first, "revision", event.revision());
        first = raw(json, first, "sequence", Long.toString(event.sequence()));
        text(json, first, "timestamp", event.timestamp());
        return json.append('}').toString();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length() + 8;
    }

    /** The RFC 8785 form of a stored JSON text, which must be strict UTF-8 and an object or array. */
    static String canonicalJson(long position, String column, byte[] stored) {
        if (stored == null) {
            throw new UnreadableEventException(position, "the " + column + " at position " + position
                    + " is missing", null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(stored)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableEventException(position, "the " + column + " at position " + position
                    + " is not UTF-8", e);
        }
        try {
            return Rfc8785.canonicalize(text);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException(position, "the " + column + " at position " + position
                    + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static boolean text(StringBuilder json, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        member(json, first, name);
        string(json, value);
        return false;
    }

    private static boolean raw(StringBuilder json, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        member(json, first, name);
        json.append(value);
        return false;
    }

    private static void member(StringBuilder json, boolean first, String name) {
        if (!first) {
            json.append(',');
        }
        string(json, name);
        json.append(':');
    }

    /**
     * A string as RFC 8785 §3.2.2.2 writes it: only quote, backslash and control characters escaped. The runs of
     * characters written as they are go in whole: appending one character at a time was a sixth of verification's
     * CPU time (JFR, docs/benchmarks.md, P5).
     */
    static void string(StringBuilder json, String value) {
        json.append('"');
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, plain, i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append("\\u00").append(Character.forDigit(c >> 4, 16))
                        .append(Character.forDigit(c & 0xF, 16));
            }
            plain = i + 1;
        }
        json.append(value, plain, value.length());
        json.append('"');
    }
}
