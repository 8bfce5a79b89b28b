package com.engagementledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Request dates are ISO strings ({@code 2026-03-01}) and nothing else. Jackson's own deserializer also takes epoch
 * days and {@code [y, m, d]} arrays, and reads {@code []} as no date at all, which would turn a malformed date into
 * "today" for the commands that default to today.
 */
public class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    /** ISO_LOCAL_DATE alone also takes signed years of any length, such as +300000000-01-01. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        if (!ISO_DATE.matcher(text).matches()) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                    "not a date in the form YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                    "not a date in the form YYYY-MM-DD");
        }
    }
}
