package com.engagementledger.audit.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit hash chain over all events in global order (ADR 0028): the link of the first event is
 * SHA-256(32 zero bytes ‖ canonical bytes of the event), the link of every later event is
 * SHA-256(link of the event before it ‖ canonical bytes of the event), where ‖ is concatenation of the 32 raw bytes
 * of the previous link and the {@link CanonicalEvent} bytes. Positions that hold no event (gaps in the global index)
 * contribute nothing; each event's position is inside its canonical bytes, so moving, removing or inserting an
 * event changes every later link. Links are written as 64 lower-case hex digits.
 */
public final class HashChain {

    /** The link before the first event: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {
    }

    /** SHA-256(previous ‖ canonical). */
    public static byte[] link(byte[] previous, byte[] canonical) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonical);
        return sha256.digest();
    }

    /** The link after {@code event}, {@code previous} being the link of the event before it (or {@link #GENESIS}). */
    public static byte[] link(byte[] previous, StoredEvent event) {
        return link(previous, CanonicalEvent.bytes(event));
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    public static String hex(byte[] link) {
        return HEX.formatHex(link);
    }

    public static byte[] fromHex(String link) {
        return HEX.parseHex(link);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
