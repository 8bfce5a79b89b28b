package com.engagementledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Request durations are ISO 8601 strings in upper case ({@code PT1H}, {@code P1DT2H}) with no negative part, and
 * nothing else (ADR 0024). Jackson's own deserializer also takes numbers (seconds, or milliseconds), lower case and
 * signed parts such as {@code PT-1H}.
 */
public class StrictDurationDeserializer extends StdScalarDeserializer<Duration> {

    private static final Pattern ISO_DURATION = Pattern.compile(
            "P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
    private static final String EXPECTED = "not a duration in ISO 8601, e.g. PT1H or P1D";

    public StrictDurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        String text = parser.getText();
        if (!ISO_DURATION.matcher(text).matches()) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text, EXPECTED);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text, EXPECTED);
        }
    }
}
