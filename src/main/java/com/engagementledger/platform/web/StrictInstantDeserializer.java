package com.engagementledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Request instants are ISO 8601 strings with an offset or Z and nothing else (ADR 0024). Jackson's own deserializer
 * also takes epoch numbers (seconds or milliseconds, depending on a feature), and {@code ISO_INSTANT} takes the leap
 * second 23:59:60 and {@code 24:00}, which name another instant than was written.
 */
public class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final Pattern ISO_INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final String EXPECTED = "not an instant in ISO 8601 with an offset, e.g. 2026-01-31T00:00:00Z";

    public StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        if (!ISO_INSTANT.matcher(text).matches()) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, EXPECTED);
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, EXPECTED);
        }
    }
}
