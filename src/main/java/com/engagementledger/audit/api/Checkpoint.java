package com.engagementledger.audit.api;

import java.nio.charset.StandardCharsets;

/**
 * A signed statement of the audit hash chain: "after every event at or below {@code position} — {@code events} of
 * them — the chain's link was {@code chainHash}". The signature is Ed25519 over {@link #statement()}, the RFC 8785
 * JSON object {@code {"chainHash":..,"events":..,"keyId":..,"position":..,"signedAt":..}} in UTF-8 (members in that
 * order, no white space), by the key {@code keyId} (see {@link SigningKeys#keyId}).
 *
 * @param position  the last position of the global index the chain had decided (an event, or a position that holds
 *                  none)
 * @param events    how many events lie at or below {@code position}
 * @param chainHash the link of the last event at or below {@code position}, 64 hex digits ({@link HashChain#GENESIS}
 *                  in hex when there is none)
 * @param signedAt  when it was signed, ISO-8601 on the application clock, as signed
 * @param keyId     the signing key's id
 * @param signature the Ed25519 signature, base64
 */
public record Checkpoint(long position, long events, String chainHash, String signedAt, String keyId,
                         String signature) {

    /** The bytes the signature is over. */
    public byte[] statement() {
        return statement(position, events, chainHash, signedAt, keyId);
    }

    public static byte[] statement(long position, long events, String chainHash, String signedAt, String keyId) {
        StringBuilder json = new StringBuilder(200).append("{\"chainHash\":");
        CanonicalEvent.string(json, chainHash);
        json.append(",\"events\":").append(events).append(",\"keyId\":");
        CanonicalEvent.string(json, keyId);
        json.append(",\"position\":").append(position).append(",\"signedAt\":");
        CanonicalEvent.string(json, signedAt);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
