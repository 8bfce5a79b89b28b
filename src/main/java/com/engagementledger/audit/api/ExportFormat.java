package com.engagementledger.audit.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an NDJSON export of the audit history (ADR 0029), written by the server and read by the offline
 * verifier. An event line carries every member of the event's canonical object as stored — {@code aggregateId},
 * {@code aggregateType}, {@code eventId}, {@code eventType} (the stored class name), {@code metadata} (all of it),
 * {@code payload}, {@code position}, {@code revision}, {@code sequence}, {@code timestamp} (the stored text), a
 * member whose column is NULL left out — plus the chain's {@code hash} at its position. A position that holds no
 * event is a line {@code {"position":n,"empty":true}}, a checkpoint a line {@code {"checkpoint":{...}}} right after
 * the position it signs. Numbers in payloads are read and written with all their digits, so that the canonical form
 * of a line is the canonical form of the stored row.
 */
public final class ExportFormat {

    /** Reads numbers exactly (no rounding through double), so that a line means what the stored text means. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private ExportFormat() {
    }

    /**
     * The whole chain's export as NDJSON lines on {@code lines}: each event, empty position and checkpoint the chain
     * hands over, written as {@link #writeEvent}, {@link #writeEmpty} and {@link #writeCheckpoint} write it (an
     * {@link IOException} of the output surfaces as an {@link UncheckedIOException}).
     */
    public static ChainExportSink lines(JsonGenerator lines) {
        return new ChainExportSink() {
            @Override
            public void event(StoredEvent event, String hash) {
                unchecked(() -> writeEvent(lines, event, hash));
            }

            @Override
            public void empty(long position) {
                unchecked(() -> writeEmpty(lines, position));
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                unchecked(() -> writeCheckpoint(lines, checkpoint));
            }
        };
    }

    private static void unchecked(LineWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface LineWrite {
        void run() throws IOException;
    }

    /** The stored JSON text parsed, or null when it is not JSON (the offline verifier then reports it). */
    public static JsonNode parse(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return MAPPER.readTree(stored);
        } catch (IOException e) {
            return null;
        }
    }

    public static void writeEvent(JsonGenerator json, StoredEvent event, String hash) throws IOException {
        json.writeStartObject();
        json.writeStringField("aggregateId", event.aggregateId());
        if (event.aggregateType() != null) {
            json.writeStringField("aggregateType", event.aggregateType());
        }
        json.writeStringField("eventId", event.eventId());
        json.writeStringField("eventType", event.eventType());
        if (event.metadata() != null) {
            json.writeFieldName("metadata");
            stored(json, event.metadata());
        }
        json.writeFieldName("payload");
        stored(json, event.payload());
        json.writeNumberField("position", event.position());
        if (event.revision() != null) {
            json.writeStringField("revision", event.revision());
        }
        json.writeNumberField("sequence", event.sequence());
        json.writeStringField("timestamp", event.timestamp());
        if (hash != null) {
            json.writeStringField("hash", hash);
        }
        json.writeEndObject();
    }

    public static void writeEmpty(JsonGenerator json, long position) throws IOException {
        json.writeStartObject();
        json.writeNumberField("position", position);
        json.writeBooleanField("empty", true);
        json.writeEndObject();
    }

    public static void writeCheckpoint(JsonGenerator json, Checkpoint checkpoint) throws IOException {
        json.writeStartObject();
        json.writeFieldName("checkpoint");
        json.writeStartObject();
        json.writeNumberField("position", checkpoint.position());
        json.writeNumberField("events", checkpoint.events());
        json.writeStringField("chainHash", checkpoint.chainHash());
        json.writeStringField("signedAt", checkpoint.signedAt());
        json.writeStringField("keyId", checkpoint.keyId());
        json.writeStringField("signature", checkpoint.signature());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The event of an event line, its payload and metadata as JSON texts again. */
    public static StoredEvent readEvent(JsonNode line) throws IOException {
        return new StoredEvent(line.path("position").asLong(), text(line, "eventId"), text(line, "aggregateType"),
                text(line, "aggregateId"), line.path("sequence").asLong(), text(line, "timestamp"),
                text(line, "eventType"), text(line, "revision"), stored(line.get("payload")),
                stored(line.get("metadata")));
    }

    public static Checkpoint readCheckpoint(JsonNode checkpoint) {
        return new Checkpoint(checkpoint.path("position").asLong(), checkpoint.path("events").asLong(),
                text(checkpoint, "chainHash"), text(checkpoint, "signedAt"), text(checkpoint, "keyId"),
                text(checkpoint, "signature"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A stored JSON text as JSON; one that is not JSON as a string holding it, which then has no canonical form. */
    private static void stored(JsonGenerator json, byte[] stored) throws IOException {
        JsonNode parsed = parse(stored);
        if (parsed == null) {
            json.writeString(new String(stored, StandardCharsets.UTF_8));
        } else {
            MAPPER.writeTree(json, parsed);
        }
    }

    private static byte[] stored(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText().getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(node);
    }
}
